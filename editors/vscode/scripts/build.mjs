// Bundles the extension into one CommonJS file: VS Code loads dist/extension.js, and the
// .vsix then needs no node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  outfile: "dist/extension.js",
  sourcemap: true,
  minify: process.argv.includes("--production"),
  logLevel: "warning",
});
