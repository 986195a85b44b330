import { TextField } from "../ui/field";

/** The password being chosen; the API's policy refuses weak ones and `error` shows why. */
export function NewPasswordField({ error }: { error: string | undefined }) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete="new-password"
      required
      hint="At least 8 characters. Common passwords and ones made of your email or name are refused; a few unrelated words make a strong one."
      error={error}
    />
  );
}
