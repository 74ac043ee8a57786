/**
 * The version of the standard definition set, without loading the set
 * (`reintegratie --versie` needs only this).
 */
import versie from './generated/versie.json';

export const STANDARD_SET_VERSION: string = versie.version;
