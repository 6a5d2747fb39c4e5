/**
 * Running a platform's real tool on a snippet: temporary files, throwaway
 * namespaces (so the machine's own firewall is never read or changed), and
 * turning a tool's complaint into a message that names the snippet's line.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problemAt, snippetLines, type SnippetLine } from './grammar-helpers';

const isRoot = process.getuid?.() === 0;

/** Where a program is installed, or undefined when `command -v` cannot find it. */
export function commandPath(name: string): string | undefined {
  const result = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** "X not installed" for the first program missing, or undefined when all are there. */
export function missingPrograms(names: readonly string[]): string | undefined {
  const missing = names.filter((name) => commandPath(name) === undefined);
  return missing.length > 0 ? `${missing.join(', ')} not installed` : undefined;
}

/**
 * Runs `use` with a new, empty temporary directory and removes the directory
 * afterwards, whatever happens (test workers may end without an exit event).
 */
function withTempDirectory<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pascom-snippet-check-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `use` with the text written to a temporary file named `name`. */
export function withTempFile<T>(text: string, name: string, use: (file: string) => T): T {
  return withTempDirectory((dir) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return use(file);
  });
}

/**
 * Runs a program in new namespaces: `n` a network namespace without any rules
 * or interfaces but loopback, `m` a private mount namespace whose mounts vanish
 * with it. As root directly, otherwise inside a user namespace (`unshare -r`).
 */
function inNamespace(
  namespaces: 'n' | 'mn',
  args: readonly string[],
  timeoutSeconds = 120,
): SpawnSyncReturns<string> {
  return spawnSync('unshare', [isRoot ? `-${namespaces}` : `-r${namespaces}`, ...args], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** What went wrong when a process could not even run (not found, killed by the timeout). */
export function spawnFailure(result: SpawnSyncReturns<string>): string | undefined {
  if (result.error) return `could not run: ${result.error.message}`;
  if (result.signal) return `killed by ${result.signal}`;
  return undefined;
}

/**
 * Runs a firewall tool on the snippet's file in a throwaway network namespace and
 * returns its complaints as messages (`toolMessages`); a tool that fails without
 * saying why gives its exit status.
 */
export function namespacedToolMessages(
  tool: string,
  args: readonly string[],
  text: string,
  file: string,
): string[] {
  const result = inNamespace('n', [tool, ...args, file]);
  const failure = spawnFailure(result);
  if (failure) return [`${tool}: ${failure}`];
  const messages = toolMessages(tool, text, `${result.stdout}${result.stderr}`, file);
  if (result.status !== 0 && messages.length === 0) messages.push(`${tool}: exit status ${result.status}`);
  return messages;
}

/**
 * A tool's output as messages, one per error: an error that names "line N" or
 * "FILE:N:" is shown with that line of the snippet; output naming no line is
 * kept whole. The tool's echo of the line, its caret marks and its pointer to
 * --help are left out.
 */
function toolMessages(tool: string, text: string, output: string, file: string): string[] {
  const lines = snippetLines(text);
  const blocks: string[][] = [];
  for (const raw of output.split(file).join('the snippet').split('\n')) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('Try `') || /^\s*[~^]+\s*$/.test(line)) continue;
    if (lines.some((snippetLine) => snippetLine.text.trim() !== '' && snippetLine.text === line)) continue;
    if (blocks.length === 0 || /^the snippet:\d+:/.test(line)) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  }
  return blocks.map((block) => {
    const message = `${tool}: ${block.join(' ')}`;
    const number = /\bline:? (\d+)\b|^the snippet:(\d+):/m.exec(block.join('\n'));
    const line = number ? lines[Number(number[1] ?? number[2]) - 1] : undefined;
    return line ? problemAt(line, message) : message;
  });
}

/** A line split into words the way sh reads it: quotes removed, operators and redirections as their own words. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let index = 0;
  const add = (text: string) => {
    word = (word ?? '') + text;
  };
  const end = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  while (index < line.length) {
    const char = line[index]!;
    if (char === "'") {
      const close = line.indexOf("'", index + 1);
      add(line.slice(index + 1, close === -1 ? undefined : close));
      index = close === -1 ? line.length : close + 1;
    } else if (char === '"') {
      let value = '';
      index += 1;
      while (index < line.length && line[index] !== '"') {
        if (line[index] === '\\' && '$`"\\'.includes(line[index + 1] ?? '')) index += 1;
        value += line[index] ?? '';
        index += 1;
      }
      add(value);
      index += 1;
    } else if (char === '\\') {
      add(line[index + 1] ?? '');
      index += 2;
    } else if (/\s/.test(char)) {
      end();
      index += 1;
    } else if (char === '#' && word === undefined) {
      break;
    } else if (';&|'.includes(char)) {
      end();
      const operator = /^(\|\||&&|;;|[;&|])/.exec(line.slice(index))![0];
      words.push(operator);
      index += operator.length;
    } else {
      add(char);
      index += 1;
    }
  }
  end();
  return words;
}

/** The first line at or after `from` (else anywhere) whose words hold `words` in a row. */
export function lineOfWords(lines: readonly SnippetLine[], words: readonly string[], from = 0): number {
  const holds = (line: SnippetLine) => {
    const found = shellWords(line.text);
    for (let start = 0; start + words.length <= found.length; start += 1) {
      if (words.every((word, offset) => found[start + offset] === word)) return true;
    }
    return false;
  };
  const after = lines.findIndex((line, index) => index >= from && holds(line));
  return after !== -1 ? after : lines.findIndex(holds);
}

const SERVER = join(dirname(fileURLToPath(import.meta.url)), 'python-tool-server.py');

/** The interpreter a Python program names in its `#!` line. */
export function pythonOf(program: string): string | undefined {
  if (!existsSync(program)) return undefined;
  const first = readFileSync(program, 'utf8').split('\n', 1)[0] ?? '';
  return /^#!\s*(\/\S*python3?\S*)\s*$/.exec(first)?.[1];
}

/** One call of the tool, as the tool server logged it. */
export interface ToolCall {
  args: string[];
  status: number;
  stderr: string;
}

/** One part of a script run: its exit status, what it wrote to stderr, and the tool calls it made. */
export interface RunPart {
  status: number;
  stderr: string;
  calls: ToolCall[];
}

/** `tool ARGS...` runs the Python program once with ARGS through the tool server, passing on its output and status. */
const TOOL_FUNCTION = `tool() {
  printf '%s\\0' "$@" > "$dir/request"
  read -r tool_status < "$dir/reply"
  if [ -s "$dir/stdout" ]; then cat "$dir/stdout"; fi
  if [ -s "$dir/stderr" ]; then cat "$dir/stderr" >&2; fi
  return "$tool_status"
}`;

/** Starts the tool server, runs each part in a subshell until one fails, then stops the server. */
const DRIVER = `
dir=$1 python=$2 server=$3 program=$4 option=$5 snippet=$6
shift 6
export dir
PATH="$dir/bin:$PATH"
mkfifo "$dir/request" "$dir/reply" || exit 90
"$python" "$server" "$program" "$dir" $option &
server_pid=$!
${TOOL_FUNCTION}
part=0
for body in "$@"; do
  part=$((part + 1))
  ( eval "$body" ) 2>"$dir/stderr-$part"
  part_status=$?
  echo "$part_status" > "$dir/status-$part"
  if [ -e "$dir/calls" ]; then mv "$dir/calls" "$dir/calls-$part"; fi
  [ "$part_status" -eq 0 ] || break
done
if kill -0 "$server_pid" 2>/dev/null; then : > "$dir/request"; fi
wait "$server_pid"
`;

/**
 * Runs shell text in fresh mount and network namespaces, one part after the
 * other until one fails, each part in its own subshell. Every part can call
 * `tool ARGS...`, which runs the Python program `program` with ARGS (through
 * python-tool-server.py, one interpreter for all calls) and passes on its output
 * and exit status; `$snippet` is the path of the snippet, `$dir` a private
 * directory holding `files`. Each of `commands` becomes a program of that name
 * first in PATH, a shell script with the given body that can call `tool`
 * (dash takes no "-" in function names, so "firewall-cmd" cannot be a function).
 * Returns the parts that ran, or why nothing could.
 */
export function runWithPythonTool(options: {
  program: string;
  serverOption?: string;
  snippet: string;
  files?: Record<string, string>;
  commands?: Record<string, string>;
  parts: readonly string[];
}): { parts: RunPart[]; failure?: string } {
  const python = pythonOf(options.program);
  if (python === undefined) return { parts: [], failure: `cannot tell which Python runs ${options.program}` };
  return withTempDirectory((dir) => {
    const snippet = join(dir, 'snippet.sh');
    writeFileSync(snippet, options.snippet);
    for (const [name, content] of Object.entries(options.files ?? {}))
      writeFileSync(join(dir, name), content);
    mkdirSync(join(dir, 'bin'));
    for (const [name, body] of Object.entries(options.commands ?? {})) {
      writeFileSync(join(dir, 'bin', name), `#!/bin/sh\n${TOOL_FUNCTION}\n${body}\n`, { mode: 0o755 });
    }
    const result = inNamespace('mn', [
      'sh',
      '-c',
      DRIVER,
      'sh',
      dir,
      python,
      SERVER,
      options.program,
      options.serverOption ?? '',
      snippet,
      ...options.parts,
    ]);
    const parts: RunPart[] = [];
    for (let part = 1; existsSync(join(dir, `status-${part}`)); part += 1) {
      const callsFile = join(dir, `calls-${part}`);
      parts.push({
        status: Number(readFileSync(join(dir, `status-${part}`), 'utf8').trim()),
        stderr: readFileSync(join(dir, `stderr-${part}`), 'utf8')
          .split(snippet)
          .join('the snippet'),
        calls: existsSync(callsFile)
          ? readFileSync(callsFile, 'utf8')
              .split('\n')
              .filter((line) => line !== '')
              .map((line) => JSON.parse(line) as ToolCall)
          : [],
      });
    }
    const failure = spawnFailure(result) ?? (result.stderr.trim() || undefined);
    return failure === undefined ? { parts } : { parts, failure: `tool run: ${failure}` };
  });
}

/**
 * Messages for one part that ran a snippet: the call that stopped it, calls
 * whose errors or warnings reached the script's stderr, shell errors (named by
 * dash as "sh: LINE: the snippet: ..."), and any other stderr output unless
 * `notices` allows the script's own messages.
 */
export function partMessages(
  part: RunPart,
  text: string,
  options: {
    /** The words a call shows in the snippet, from the args the tool received. */
    snippetWords: (args: readonly string[]) => string[];
    /** How to name the tool in messages, e.g. "ufw --dry-run". */
    tool: string;
    /** Other stderr output is the script's own notice, not a fault. */
    notices?: boolean;
  },
): string[] {
  const lines = snippetLines(text);
  const messages: string[] = [];
  let stderr = part.stderr;
  let cursor = 0;
  part.calls.forEach((call, index) => {
    const stopped = part.status !== 0 && index === part.calls.length - 1 && call.status !== 0;
    const shown = call.stderr.trim() !== '' && stderr.includes(call.stderr);
    if (shown) stderr = stderr.replace(call.stderr, '');
    const found = lineOfWords(lines, options.snippetWords(call.args), cursor);
    if (found !== -1) cursor = found;
    if (!stopped && !shown) return;
    const what = stopped
      ? `${options.tool} failed with status ${call.status}${call.stderr.trim() ? `: ${call.stderr.trim()}` : ''}, which stops the script (set -e)`
      : `${options.tool} ${call.status === 0 ? 'warned' : `failed with status ${call.status}`}: ${call.stderr.trim()}`;
    messages.push(
      found === -1 ? `${options.tool} ${call.args.join(' ')}: ${what}` : problemAt(lines[found]!, what),
    );
  });
  for (const rest of stderr.split('\n').filter((line) => line.trim() !== '')) {
    const shellError = /^sh: (\d+): the snippet: (.*)$/.exec(rest);
    const line = shellError ? lines[Number(shellError[1]) - 1] : undefined;
    if (shellError && line) messages.push(problemAt(line, `sh: ${shellError[2]}`));
    else if (shellError || !options.notices) messages.push(`the script wrote to stderr: ${rest}`);
  }
  if (part.status !== 0 && messages.length === 0)
    messages.push(`the script ended with status ${part.status}`);
  return messages;
}

/** Remembers a check's answer per snippet text, so identical snippets run the tool once. */
export function memoByText(check: (text: string) => string[]): (text: string) => string[] {
  const answers = new Map<string, string[]>();
  return (text) => {
    const known = answers.get(text);
    if (known) return [...known];
    const answer = check(text);
    answers.set(text, answer);
    return [...answer];
  };
}
