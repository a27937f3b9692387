// Unit tests (local/synth): the growable UTF-8 buffer render threads encode chunk lines into.
import { describe, expect, it } from 'vitest';
import { Utf8Buffer } from './utf8-buffer';

describe('Class: Utf8Buffer', () => {
  it('appends text as UTF-8 and bytes as they are, in order', () => {
    // Prepare
    const buffer = new Utf8Buffer();
    // Act
    buffer.appendText('µg\n');
    buffer.appendBytes(new Uint8Array([0xb5, 0x0a]));
    const bytes = buffer.take();
    // Assess
    expect([...bytes]).toEqual([0xc2, 0xb5, 0x67, 0x0a, 0xb5, 0x0a]);
  });

  it('appends lines, text or bytes, each followed by its terminator', () => {
    // Prepare
    const buffer = new Utf8Buffer(4);
    // Act
    buffer.appendLine('a,°C', '\r\n');
    buffer.appendLine(new Uint8Array([0xb5]), '\n');
    // Assess
    expect([...buffer.take()]).toEqual([0x61, 0x2c, 0xc2, 0xb0, 0x43, 0x0d, 0x0a, 0xb5, 0x0a]);
  });

  it('writes a lone surrogate as U+FFFD, as Node stream writes do', () => {
    // Prepare
    const buffer = new Utf8Buffer();
    // Act
    buffer.appendText('a\ud800\n');
    // Assess
    expect(Buffer.from(buffer.take())).toEqual(Buffer.from('a\ud800\n'));
  });

  it('grows past its first capacity without losing what it holds', () => {
    // Prepare
    const buffer = new Utf8Buffer();
    const line = `${'é'.repeat(1000)}\n`;
    // Act
    for (let i = 0; i < 100; i++) buffer.appendText(line);
    const bytes = buffer.take();
    // Assess
    expect(bytes.length).toBe(100 * 2001);
    expect(Buffer.from(bytes).toString('utf8')).toBe(line.repeat(100));
  });

  it('hands its bytes over from offset 0 of an ArrayBuffer it no longer uses, so they can be transferred', () => {
    // Prepare
    const buffer = new Utf8Buffer(16);
    buffer.appendText('abc');
    // Act
    const bytes = buffer.take();
    buffer.appendText('xyz');
    // Assess
    expect(bytes.byteOffset).toBe(0);
    expect(Buffer.from(bytes).toString()).toBe('abc');
    expect(buffer.byteLength).toBe(3);
    expect(Buffer.from(buffer.take()).toString()).toBe('xyz');
  });
});
