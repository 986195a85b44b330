import { deviceSignedUrl, fileSignedUrl, findFiles, removeFile } from "../contracts/file";
import * as files from "../services/files";
import { implement } from "./implement";

export const fileController = [
  // device/getSignedUrl and file/getSignedUrl — one verb under both names (device, and people for get)
  implement(deviceSignedUrl, (input, ctx) => files.signFileUrl(ctx, input)),
  implement(fileSignedUrl, (input, ctx) => files.signFileUrl(ctx, input)),
  implement(findFiles, (input, ctx) => files.findFiles(ctx, input)),
  implement(removeFile, (input, ctx) => files.removeFile(ctx, input)),
];
