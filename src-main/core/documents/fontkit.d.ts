/** The one fontkit (MIT, pdfkit's own font engine) call we make; the package ships no types. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
