// Turn the RipTide component into an ES module Node can import
// (generated/riptide.js); WASI 0.2, wasi:http included, is served by
// @bytecodealliance/preview2-shim.
//
//     node transpile.mjs [path/to/riptide.wasm]
//
// Without a path: the component `just build` leaves in target/.
import { fileURLToPath } from 'node:url';
import { rm } from 'node:fs/promises';
import { transpile, writeFiles } from '@bytecodealliance/jco-transpile';

const here = fileURLToPath(new URL('.', import.meta.url));
const wasm = process.argv[2] ?? fileURLToPath(new URL('../../target/wasm32-wasip2/release/riptide_guest.wasm', import.meta.url));

// A call whose result is an error throws that `error` variant itself
// ({ tag, val }), not wrapped in a ComponentError.
const { files } = await transpile(wasm, { name: 'riptide', outDir: 'generated', noComponentErrorWrapping: true });
await rm(new URL('generated', import.meta.url), { recursive: true, force: true });
await writeFiles(files, { baseDir: here });
console.log(`transpiled ${wasm} -> ${here}generated/riptide.js`);
