// PDF.js ships no types for its worker module; it is imported only for what it does on
// load (registering itself as `globalThis.pdfjsWorker`), see pdf.ts.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
