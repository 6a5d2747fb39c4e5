import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, HEADLESS_SHELL_PATH } from './scripts/chromium.mjs';
const browser = await chromium.launch({ executablePath: '/tmp/turn/chrome-wrap.sh', args: [...CHROMIUM_ARGS] });
const page = await browser.newPage();
page.on('console', m => console.log('console', m.text()));
const r = await page.evaluate(async (urls) => {
  const out = {};
  for (const url of urls) {
    const t0 = performance.now();
    const pc = new RTCPeerConnection({ iceServers: [{ urls: url }] });
    const events = [];
    pc.onicecandidate = (e) => events.push(e.candidate ? `cand ${e.candidate.type} ${e.candidate.address} url=${e.url}` : 'done');
    pc.onicecandidateerror = (e) => events.push(`err ${e.errorCode} ${e.errorText} ${e.url}`);
    pc.createDataChannel('x');
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise(res => { pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') res(); }; setTimeout(res, 4000); });
    out[url] = { ms: Math.round(performance.now() - t0), events };
    pc.close();
  }
  return out;
}, ['stun:acme.pascom.cloud:3478','stun:acme.pascom.cloud:19302']);
console.log(JSON.stringify(r, null, 1));
await browser.close();
