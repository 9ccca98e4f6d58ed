/**
 * Child process for the crash test: enqueues one application with many large files into the
 * outbox given as argv[2], announcing on stdout when it starts writing. The test SIGKILLs it
 * mid-write.
 */
import { enqueue } from '#src/server/outbox/index.ts';
import { newReference } from '#src/server/reference.ts';

const dir = process.argv[2]!;
const reference = newReference('DGV');
const files = Array.from({ length: 400 }, (_, i) => ({
  name: `part-${i}.bin`,
  content: new Uint8Array(512 * 1024).fill(i % 251),
}));
process.stdout.write(`writing ${reference}\n`);
await enqueue(
  {
    reference,
    municipality: 'daugavpils',
    form: 'question',
    createdAt: new Date().toISOString(),
    messages: [
      {
        id: 'staff',
        to: ['staff@example.lv'],
        subject: `Pieteikums ${reference}`,
        text: '-',
        attachments: [{ filename: 'part-0.bin', contentType: 'application/octet-stream', file: 'part-0.bin' }],
      },
    ],
  },
  files,
  { dir },
);
process.stdout.write(`done ${reference}\n`);
