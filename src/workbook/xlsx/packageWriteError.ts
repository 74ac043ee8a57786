/**
 * A package the writer cannot change as asked: a part it must edit is
 * damaged (the reader reads around such damage; a writer cannot). The
 * message is one Dutch line for the user, without the file name.
 */
export class PackageWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageWriteError';
  }
}

export function damagedPart(part: string): PackageWriteError {
  return new PackageWriteError(`onderdeel ${part} van het bestand is beschadigd en kan niet worden aangepast`);
}
