/** The package codec the workbench opens and downloads with. */
export { readerCodec as workbenchCodec } from './readerCodec';
