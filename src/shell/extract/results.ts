import type { ExecutedCommand, Origin, Provenance, Redirect, Word, WriteTarget } from '../types.js';

/*
 * Constructors for what an analysis returns.
 *
 * These objects live as long as one analysis: most of them outlive a young-generation collection
 * and then die. Made from object or array literals, V8 learns from the literal that its objects
 * survive and starts allocating them straight in the old generation. From then on every pointer
 * stored into them is recorded, dead ones keep young objects alive until a full collection, and a
 * long command analysed after a few others took two to three times as long. Objects made with
 * `new` of a class (and arrays made by `slice` or `map`) carry no such allocation feedback.
 */

export class WordResult implements Word {
  declare value: string | undefined;
  declare raw: string;
  declare static: boolean;
  declare dynamic: Provenance[];

  constructor(value: string | undefined, raw: string, isStatic: boolean, dynamic: Provenance[]) {
    this.value = value;
    this.raw = raw;
    this.static = isStatic;
    this.dynamic = dynamic;
  }
}

export class CommandResult implements ExecutedCommand {
  declare name: string;
  declare argv: Word[];
  declare args: (string | undefined)[];
  declare dynamicName: boolean;
  declare origin: Origin[];
  declare redirects: Redirect[];
  declare assignments: { name: string; value: string | undefined }[];
  declare cwd: string | undefined;
  declare text: string;

  constructor(fields: ExecutedCommand) {
    this.name = fields.name;
    this.argv = fields.argv;
    this.args = fields.args;
    this.dynamicName = fields.dynamicName;
    this.origin = fields.origin;
    this.redirects = fields.redirects;
    this.assignments = fields.assignments;
    this.cwd = fields.cwd;
    this.text = fields.text;
  }
}

export class RedirectResult implements Redirect {
  declare fd: number;
  declare op: Redirect['op'];
  declare target: Word;
  declare both?: boolean;

  constructor(fd: number, op: Redirect['op'], target: Word) {
    this.fd = fd;
    this.op = op;
    this.target = target;
  }
}

export class AssignmentResult {
  declare name: string;
  declare value: string | undefined;

  constructor(name: string, value: string | undefined) {
    this.name = name;
    this.value = value;
  }
}

export class WriteResult implements WriteTarget {
  declare path: string | undefined;
  declare via: string;
  declare cwd: string | undefined;
  declare command: ExecutedCommand;

  constructor(path: string | undefined, via: string, cwd: string | undefined, command: ExecutedCommand) {
    this.path = path;
    this.via = via;
    this.cwd = cwd;
    this.command = command;
  }
}

const NO_ITEMS: never[] = [];

/** A new empty list (a copy, not the `[]` literal, for the reason above). */
export function emptyList<T>(): T[] {
  return NO_ITEMS.slice();
}
