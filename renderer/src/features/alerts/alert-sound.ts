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

/**
 * Whether alerts can be heard, and the click that allows it. Any first click or key press on the page also counts:
 * the browser allows sound from then on, so the operator need not find the button.
 */
export function useAlertSound(): { sound: SoundState; enableSound: () => void } {
  const [sound, setSound] = useState<SoundState>(() => stateOf(audioContext()));
  useEffect(() => {
    const ctx = audioContext();
    if (!ctx) return;
    const update = () => setSound(stateOf(ctx));
    ctx.addEventListener('statechange', update);
    const unlock = () => void ctx.resume().then(update, update);
    window.addEventListener('pointerdown', unlock, { once: true, capture: true });
    window.addEventListener('keydown', unlock, { once: true, capture: true });
    update();
    return () => {
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

/** A two-tone alarm, three times: unlike any click or chime the console otherwise makes. */
export function playAlarm(): void {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime + 0.02;
  for (let i = 0; i < 6; i++) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = i % 2 === 0 ? 880 : 660;
    const t = start + i * 0.2;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.25, t + 0.01);
    gain.gain.setValueAtTime(0.25, t + 0.16);
    gain.gain.linearRampToValueAtTime(0, t + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.19);
  }
}
