/**
 * Typed arrays in one binary file: a JSON header (names, types, lengths, plus free-form `meta`)
 * followed by the raw arrays, each 8-byte aligned. {@link ArrayFileReader} reads just the header
 * and then slices of arrays at their offsets, so a large index opens without reading what a query
 * never touches.
 */
import { closeSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from "node:fs";

const MAGIC = "HSARRAYS1\n";
const ARRAY_TYPES = { Uint32Array, Int32Array, Float32Array, Float64Array, Uint16Array, Uint8Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
export type StoredArray = Uint32Array | Int32Array | Float32Array | Float64Array | Uint16Array | Uint8Array;

interface Header {
  meta: unknown;
  arrays: Array<{ name: string; type: ArrayTypeName; offset: number; length: number }>;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Writes `arrays` and `meta` to `path` atomically (temporary file, then rename). Each array goes
 * straight from its own buffer to the file: a copy of the whole file in memory would double the
 * peak of a large index build.
 */
export function writeArrayFile(path: string, arrays: Record<string, StoredArray>, meta: unknown = null): void {
  const entries = Object.entries(arrays);
  const header: Header = { meta, arrays: [] };
  let offset = 0;
  for (const [name, array] of entries) {
    header.arrays.push({ name, type: array.constructor.name as ArrayTypeName, offset, length: array.length });
    offset = align8(offset + array.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes.length));
  head.write(MAGIC, 0, "latin1");
  head.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(head, MAGIC.length + 4);
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, "w");
  try {
    writeAll(fd, head, 0);
    entries.forEach(([, array], i) => writeAll(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), head.length + header.arrays[i]!.offset));
    ftruncateSync(fd, head.length + offset); // the last array's padding
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Writes all of `bytes` at `position` (writeSync may write less than asked). */
export function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/**
 * A file written by {@link writeArrayFile}, read on demand: the header on open, then any slice of
 * an array with one positioned read (the page cache, not process memory, holds the rest). The file
 * stays open for the reader's lifetime.
 */
export class ArrayFileReader {
  readonly meta: unknown;
  private readonly fd: number;
  private readonly entries = new Map<string, { Type: (typeof ARRAY_TYPES)[ArrayTypeName]; at: number; length: number }>();

  constructor(private readonly path: string) {
    this.fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(MAGIC.length + 4);
      readSync(this.fd, head, 0, head.length, 0);
      if (head.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error(`${path}: not an array file`);
      const headerBytes = Buffer.alloc(head.readUInt32LE(MAGIC.length));
      readSync(this.fd, headerBytes, 0, headerBytes.length, head.length);
      const header = JSON.parse(headerBytes.toString("utf8")) as Header;
      const start = align8(head.length + headerBytes.length);
      for (const { name, type, offset, length } of header.arrays) {
        const Type = ARRAY_TYPES[type];
        if (!Type) throw new Error(`${path}: array ${name} is damaged`);
        this.entries.set(name, { Type, at: start + offset, length });
      }
      this.meta = header.meta;
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** Number of elements of array `name` (throws when the file lacks it). */
  length(name: string): number {
    return this.entry(name).length;
  }

  /** Elements [from, to) of array `name`, in a buffer of their own. */
  read(name: string, from = 0, to = this.length(name)): StoredArray {
    const { Type, at, length } = this.entry(name);
    if (from < 0 || to > length || from > to) throw new Error(`${this.path}: ${name}[${from}, ${to}) is outside its ${length} elements`);
    const out = new Type(to - from);
    const bytes = new Uint8Array(out.buffer);
    if (readSync(this.fd, bytes, 0, bytes.length, at + from * Type.BYTES_PER_ELEMENT) !== bytes.length) throw new Error(`${this.path}: array ${name} is damaged`);
    return out;
  }

  close(): void {
    closeSync(this.fd);
  }

  private entry(name: string) {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`${this.path}: no array ${name}`);
    return entry;
  }
}
