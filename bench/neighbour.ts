import { createHash } from 'node:crypto';

/** A busy neighbour on the same machine: burns one core until it is killed. */
let digest = Buffer.alloc(32);
for (;;) digest = createHash('sha256').update(digest).digest();
