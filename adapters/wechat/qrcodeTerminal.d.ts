/** Types for qrcode-terminal (CommonJS, ships no types): prints a QR code with terminal characters. */
declare module "qrcode-terminal" {
  const qrcode: {
    generate(text: string, options?: { small?: boolean }, callback?: (rendered: string) => void): void;
  };
  export default qrcode;
}
