export function announceStart(mode: 'training' | 'live', webhookUrl: string): void {
  if (mode === 'training') {
    console.log('Training mode: no machine configured, an AIDA simulator plays one on loopback.');
  }
  console.log(`Webhook URL: ${webhookUrl}`);
}
