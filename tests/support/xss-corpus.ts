/** Text an attacker would send through a chat; every client must show it as text and run nothing. */
export const xssCorpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '[x](javascript:alert(1))',
  '"><iframe src=javascript:alert(1)>',
  '<a href="javascript:alert(document.domain)">click me</a>',
  '<a href="https://evil.example/">x</a> and see https://cedar.example/help.',
  'w'.repeat(3000),
];
