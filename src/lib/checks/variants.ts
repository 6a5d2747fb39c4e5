/**
 * The kinds of check script the site writes, one per kind of machine. This list
 * feeds the published file names, the links on the pages and the spellers, so a
 * variant's facts live here and nowhere else.
 *
 * - `ext`: file extension of the published script (/checks/<deployment>/<id>.<ext>).
 * - `label`: how links name it.
 * - `interpreter`: the script's first line.
 * - `run`: how to start it; `{file}` is the file name, `{args}` the arguments.
 * - `asciiText`: whether the script's sentences must be plain ASCII, so German is
 *   written with ae, oe, ue and ss. Windows PowerShell 5.1 reads a script file
 *   without a byte-order mark in the system's ANSI code page (about_Character_Encoding),
 *   so umlauts in a downloaded UTF-8 file would turn into other letters; bash reads
 *   bytes and the terminal shows UTF-8.
 */
export const CHECK_VARIANTS = [
  {
    id: 'linux-macos',
    ext: 'sh',
    label: 'Linux and macOS (bash)',
    interpreter: '#!/usr/bin/env bash',
    run: 'bash {file} {args}',
    asciiText: false,
  },
  {
    id: 'windows',
    ext: 'ps1',
    label: 'Windows (PowerShell)',
    interpreter: '#Requires -Version 5.1',
    run: 'powershell -ExecutionPolicy Bypass -File .\\{file} {args}',
    asciiText: true,
  },
] as const;

export type CheckVariant = (typeof CHECK_VARIANTS)[number];
export type CheckVariantId = CheckVariant['id'];

/** Ids in link order. */
export const CHECK_VARIANT_IDS: readonly CheckVariantId[] = CHECK_VARIANTS.map((variant) => variant.id);

export function isCheckVariantId(value: string): value is CheckVariantId {
  return (CHECK_VARIANT_IDS as readonly string[]).includes(value);
}

export function checkVariant(id: CheckVariantId): CheckVariant {
  return CHECK_VARIANTS.find((variant) => variant.id === id)!;
}

/** File name of a downloaded check script, e.g. "pascom-check-cloud.sh". */
export function checkFileName(deployment: string, id: CheckVariantId): string {
  return `pascom-check-${deployment}.${checkVariant(id).ext}`;
}

/** The command that starts a script, e.g. "bash pascom-check-onsite.sh inbound 203.0.113.5". */
export function runCommand(id: CheckVariantId, file: string, args: string): string {
  return checkVariant(id).run.replace('{file}', file).replace('{args}', args).trimEnd();
}
