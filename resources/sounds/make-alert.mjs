// Writes alert.wav: the evacuation display's alarm, synthesised here (no recording to license).
// A hi-lo two-tone (960 Hz / 770 Hz, 0.4 s each, twice) that loops without a click, 16 kHz mono
// 16-bit PCM. Run: node resources/sounds/make-alert.mjs
import { writeFileSync } from 'node:fs';

const rate = 16_000;
const toneSeconds = 0.4;
const tones = [960, 770, 960, 770];
const fadeSamples = Math.round(rate * 0.004);
const samplesPerTone = Math.round(rate * toneSeconds);
const total = samplesPerTone * tones.length;
const pcm = new Int16Array(total);

for (let t = 0; t < tones.length; t++) {
  const f = tones[t];
  for (let i = 0; i < samplesPerTone; i++) {
    const x = (2 * Math.PI * f * i) / rate;
    // Fundamental plus odd harmonics: a harder, more urgent sound than a sine, still not harsh.
    const v = Math.sin(x) + Math.sin(3 * x) / 3 + Math.sin(5 * x) / 5;
    const edge = Math.min(1, i / fadeSamples, (samplesPerTone - 1 - i) / fadeSamples);
    pcm[t * samplesPerTone + i] = Math.round(v * edge * 0.55 * 32767 / 1.1);
  }
}

const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + pcm.byteLength, 4);
header.write('WAVE', 8);
header.write('fmt ', 12);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20);
header.writeUInt16LE(1, 22);
header.writeUInt32LE(rate, 24);
header.writeUInt32LE(rate * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write('data', 36);
header.writeUInt32LE(pcm.byteLength, 40);
writeFileSync(new URL('./alert.wav', import.meta.url), Buffer.concat([header, Buffer.from(pcm.buffer)]));
