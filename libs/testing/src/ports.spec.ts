import { freePort } from './ports';

describe('freePort', () => {
  it('never hands out the same port twice, though the kernel offers closed ports again', async () => {
    // Some 28,000 ephemeral ports: 2,000 draws from the kernel alone repeat dozens of times.
    const ports: number[] = [];
    for (let draw = 0; draw < 2_000; draw += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(2_000);
  });
});
