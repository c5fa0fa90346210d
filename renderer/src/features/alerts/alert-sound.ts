import { PRIORITY_ORDER, type AlertPriority } from '../../../../shared/api/alerts';
import { useEffect, useState } from 'react';

export type SoundState = 'unsupported' | 'blocked' | 'on';

/** One audio context for the page; browsers keep it suspended until a person has clicked or pressed a key. */
let context: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  if (context) return context;
  const Ctor = (window as { AudioContext?: typeof AudioContext }).AudioContext;
  if (typeof Ctor !== 'function') return undefined;
  context = new Ctor();
  return context;
}

const stateOf = (ctx: AudioContext | undefined): SoundState => (!ctx ? 'unsupported' : ctx.state === 'running' ? 'on' : 'blocked');

const SETTLE_MS = 300;

/**
 * Whether alerts can be heard, and the click that allows it. Any first click or key press on the page also counts:
 * the browser allows sound from then on, so the operator need not find the button.
 */
export function useAlertSound(): { sound: SoundState; enableSound: () => void } {
  const [sound, setSound] = useState<SoundState>(() => stateOf(audioContext()));
  useEffect(() => {
    const ctx = audioContext();
    if (!ctx) return;
    // Said a moment later: the first key that unlocks sound may be a scanner's, and re-laying out the header within
    // its burst would split the scan (keyboard/key-bursts.ts times keys 30 ms apart).
    let later: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(later);
      later = setTimeout(() => setSound(stateOf(ctx)), SETTLE_MS);
    };
    ctx.addEventListener('statechange', update);
    const unlock = () => void ctx.resume().then(update, update);
    window.addEventListener('pointerdown', unlock, { once: true, capture: true });
    window.addEventListener('keydown', unlock, { once: true, capture: true });
    update();
    return () => {
      clearTimeout(later);
      ctx.removeEventListener('statechange', update);
      window.removeEventListener('pointerdown', unlock, { capture: true });
      window.removeEventListener('keydown', unlock, { capture: true });
    };
  }, []);
  return {
    sound,
    enableSound: () => {
      const ctx = audioContext();
      if (!ctx) return;
      void ctx.resume().then(
        () => {
          setSound(stateOf(ctx));
          playAlarm();
        },
        () => setSound(stateOf(ctx)),
      );
    },
  };
}

/** One tone of a pattern: its pitch, its start after the pattern begins, how long it sounds (seconds). */
interface Tone {
  hz: number;
  at: number;
  for: number;
}

const repeat = (count: number, every: number, tone: (i: number) => Omit<Tone, 'at'>): Tone[] =>
  Array.from({ length: count }, (_, i) => ({ ...tone(i), at: i * every }));

/**
 * Each priority its own pattern, told apart without looking (ISA-18.2: the sound says how urgent): critical a fast
 * high warble, high the console's two-tone alarm, medium three even beeps, low one falling two-note chime.
 */
export const PATTERNS: Record<AlertPriority, { wave: OscillatorType; tones: Tone[] }> = {
  critical: { wave: 'square', tones: repeat(10, 0.12, (i) => ({ hz: i % 2 === 0 ? 1175 : 880, for: 0.1 })) },
  high: { wave: 'square', tones: repeat(6, 0.2, (i) => ({ hz: i % 2 === 0 ? 880 : 660, for: 0.18 })) },
  medium: { wave: 'triangle', tones: repeat(3, 0.4, () => ({ hz: 660, for: 0.25 })) },
  low: { wave: 'sine', tones: [{ hz: 784, at: 0, for: 0.3 }, { hz: 523, at: 0.35, for: 0.45 }] },
};

/** How long a pattern lasts, in seconds. */
const length = (p: AlertPriority) => Math.max(...PATTERNS[p].tones.map((t) => t.at + t.for));

function play(ctx: AudioContext, priority: AlertPriority, start: number): void {
  const { wave, tones } = PATTERNS[priority];
  for (const tone of tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = wave;
    osc.frequency.value = tone.hz;
    const t = start + tone.at;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.25, t + 0.01);
    gain.gain.setValueAtTime(0.25, t + tone.for - 0.02);
    gain.gain.linearRampToValueAtTime(0, t + tone.for);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + tone.for + 0.01);
  }
}

/** The alarm of one priority, once; nothing while the browser keeps the page silent. */
export function playAlarm(priority: AlertPriority = 'high'): void {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return;
  play(ctx, priority, ctx.currentTime + 0.02);
}

/** The start-of-shift test: every priority's sound in turn, most urgent first, with a pause between. */
export function playEveryAlarm(): boolean {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return false;
  let at = ctx.currentTime + 0.02;
  for (const p of PRIORITY_ORDER) {
    play(ctx, p, at);
    at += length(p) + 0.8;
  }
  return true;
}
