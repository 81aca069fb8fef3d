/**
 * benchBigData (big-data.ts) in a process of its own, started as every hub process is (with the
 * hub's heap flags, electron/hub/heap-flags.ts): `<work folder>`; prints its figures as JSON on its
 * last line. The hub these measurements open runs in that process, as a hub on the floor runs in
 * one of its own, rather than in the bench's driver, which by then holds Chromium's driver and the
 * results of a hundred thousand requests.
 */
import { benchBigData } from './big-data.js';

console.log(JSON.stringify(await benchBigData(process.argv[2]!)));
