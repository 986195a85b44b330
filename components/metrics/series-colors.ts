// Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito order).
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

export const seriesColor = (index: number) => COLORS[index % COLORS.length]!;
