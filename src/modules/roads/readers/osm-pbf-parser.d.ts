// Types for the protobuf codecs that the osm-pbf-parser package compiles from the
// OSM PBF schema (fileformat.proto, osmformat.proto). The package ships none.
// int64 fields decode to JS numbers, exact up to 2^53: every OSM id and coordinate fits.

declare module 'osm-pbf-parser/lib/parsers.js' {
  interface Codec<T> {
    decode(bytes: Uint8Array): T;
    encode(value: Partial<T>): Buffer;
  }
  interface BlobHeader {
    type: string;
    indexdata: Buffer | null;
    datasize: number;
  }
  interface Blob {
    raw: Buffer | null;
    raw_size: number;
    zlib_data: Buffer | null;
    lzma_data: Buffer | null;
    OBSOLETE_bzip2_data: Buffer | null;
  }
  interface HeaderBlock {
    required_features: string[];
    optional_features: string[];
    writingprogram: string;
  }
  interface Node {
    id: number;
    keys: number[];
    vals: number[];
    lat: number;
    lon: number;
  }
  interface DenseNodes {
    id: number[];
    lat: number[];
    lon: number[];
    keys_vals: number[];
  }
  interface Way {
    id: number;
    keys: number[];
    vals: number[];
    refs: number[];
  }
  interface PrimitiveGroup {
    nodes: Node[];
    dense: DenseNodes | null;
    ways: Way[];
  }
  interface PrimitiveBlock {
    stringtable: { s: Buffer[] };
    primitivegroup: PrimitiveGroup[];
    granularity: number;
    lat_offset: number;
    lon_offset: number;
    date_granularity: number;
  }
  const parsers: {
    file: { Blob: Codec<Blob>; BlobHeader: Codec<BlobHeader> };
    osm: { HeaderBlock: Codec<HeaderBlock>; PrimitiveBlock: Codec<PrimitiveBlock> };
  };
  export default parsers;
}
