// The JSON grammar inside a record as one transition table, shared by the WebAssembly and the
// JavaScript inner loops so that both accept exactly the same bytes.
//
// Outside strings, each byte is looked up as TABLE[(state << 8) | byte]. The result is the next state
// (below ACTIONS), a string to skip (STRING | state after the string), or an action: PUSH an opening
// bracket, POP a closing one (its kind is checked against the stack), END a number or literal and look
// at the same byte again in the state after a value (',' or the close of the enclosing bracket), ERR.
// A value's "after" state depends on the enclosing bracket, which is why object and array states are
// separate and END/POP read the bracket stack.

export const O_FIRST = 0; // after '{': a key or '}'
export const O_KEY = 1; // after ',' in an object: a key
export const O_COLON = 2; // after a key
export const O_VALUE = 3; // after ':'
export const O_NEXT = 4; // after a member: ',' or '}'
export const A_FIRST = 5; // after '[': a value or ']'
export const A_VALUE = 6; // after ',' in an array
export const A_NEXT = 7; // after an element: ',' or ']'
const N_MINUS = 8;
const N_ZERO = 9;
const N_INT = 10;
const N_DOT = 11;
const N_FRAC = 12;
const N_E = 13;
const N_ESIGN = 14;
const N_EXP = 15;
const L_T = 16; // 't' seen; 17, 18: 'tr', 'tru'
const L_F = 19; // 'f'; 20-22: 'fa', 'fal', 'fals'
const L_N = 23; // 'n'; 24, 25: 'nu', 'nul'
const L_DONE = 26;
export const STATES = 27;

export const ACTIONS = 0x70;
export const PUSH = 0x70;
export const POP = 0x71;
export const END = 0x72;
export const ERR = 0x73;
export const STRING = 0x80;

/** Transition table, STATES × 256 bytes. */
export const TABLE: Uint8Array = buildTable();

/** Escape table: 0 invalid after a backslash, 1 a one-letter escape, 2 'u' (four hex digits follow). */
export const ESCAPES: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const ch of '"\\/bfnrt') t[ch.charCodeAt(0)] = 1;
  t[0x75] = 2;
  return t;
})();

export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function buildTable(): Uint8Array {
  const t = new Uint8Array(STATES * 256).fill(ERR);
  const set = (state: number, bytes: string, to: number) => {
    for (const ch of bytes) t[(state << 8) | ch.charCodeAt(0)] = to;
  };
  const all = (state: number, to: number) => t.fill(to, state << 8, (state + 1) << 8);
  const WS = ' \t\r\n';
  const DIGITS = '0123456789';
  const value = (state: number, after: number) => {
    set(state, WS, state);
    set(state, '"', STRING | after);
    set(state, '{[', PUSH);
    set(state, '-', N_MINUS);
    set(state, '0', N_ZERO);
    set(state, '123456789', N_INT);
    set(state, 't', L_T);
    set(state, 'f', L_F);
    set(state, 'n', L_N);
  };
  // Closing brackets POP wherever a close is allowed; the stack tells '}' from ']' (damage 'unbalanced').
  set(O_FIRST, WS, O_FIRST);
  set(O_FIRST, '"', STRING | O_COLON);
  set(O_FIRST, '}]', POP);
  set(O_KEY, WS, O_KEY);
  set(O_KEY, '"', STRING | O_COLON);
  set(O_COLON, WS, O_COLON);
  set(O_COLON, ':', O_VALUE);
  value(O_VALUE, O_NEXT);
  set(O_NEXT, WS, O_NEXT);
  set(O_NEXT, ',', O_KEY);
  set(O_NEXT, '}]', POP);
  value(A_FIRST, A_NEXT);
  set(A_FIRST, '}]', POP);
  value(A_VALUE, A_NEXT);
  set(A_NEXT, WS, A_NEXT);
  set(A_NEXT, ',', A_VALUE);
  set(A_NEXT, '}]', POP);
  // Numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; a complete one ENDs at any other byte.
  set(N_MINUS, '0', N_ZERO);
  set(N_MINUS, '123456789', N_INT);
  for (const s of [N_ZERO, N_INT, N_FRAC, N_EXP]) all(s, END);
  set(N_ZERO, '.', N_DOT);
  set(N_ZERO, 'eE', N_E);
  set(N_INT, DIGITS, N_INT);
  set(N_INT, '.', N_DOT);
  set(N_INT, 'eE', N_E);
  set(N_DOT, DIGITS, N_FRAC);
  set(N_FRAC, DIGITS, N_FRAC);
  set(N_FRAC, 'eE', N_E);
  set(N_E, '+-', N_ESIGN);
  set(N_E, DIGITS, N_EXP);
  set(N_ESIGN, DIGITS, N_EXP);
  set(N_EXP, DIGITS, N_EXP);
  // Literals, letter by letter; a whole one ENDs at the next byte, which the after-value state judges.
  const literal = (first: number, rest: string) => {
    for (let k = 0; k < rest.length; k++) set(first + k, rest[k], k === rest.length - 1 ? L_DONE : first + k + 1);
  };
  literal(L_T, 'rue');
  literal(L_F, 'alse');
  literal(L_N, 'ull');
  all(L_DONE, END);
  return t;
}

/** What the grammar wanted in `state`, for damage messages. */
export function expectation(state: number): string {
  switch (state) {
    case O_FIRST:
      return "a key or '}'";
    case O_KEY:
      return "a key after ','";
    case O_COLON:
      return "':' after a key";
    case O_VALUE:
    case A_VALUE:
      return 'a value';
    case O_NEXT:
      return "',' or '}'";
    case A_FIRST:
      return "a value or ']'";
    case A_NEXT:
      return "',' or ']'";
    case N_MINUS:
      return "a digit after '-'";
    case N_DOT:
      return "a digit after '.'";
    case N_E:
      return 'a sign or digit in the exponent';
    case N_ESIGN:
      return 'a digit in the exponent';
    default:
      if (state >= L_T && state < L_F) return "'true'";
      if (state >= L_F && state < L_N) return "'false'";
      if (state >= L_N && state < L_DONE) return "'null'";
      return 'valid JSON';
  }
}
