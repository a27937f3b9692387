// Unit tests (local/synth): the growable UTF-8 buffer render threads encode chunk lines into.
import { describe, expect, it } from 'vitest';
import { BufferPool, Utf8Buffer } from './utf8-buffer';

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

describe('Class: BufferPool', () => {
  it('hands out the smallest kept buffer that is large enough, and a new one when none is', () => {
    // Prepare
    const pool = new BufferPool();
    const small = new ArrayBuffer(100);
    const large = new ArrayBuffer(1000);
    pool.release(large);
    pool.release(small);
    // Act
    const first = pool.acquire(50);
    const second = pool.acquire(500);
    const third = pool.acquire(10);
    // Assess
    expect(first.buffer).toBe(small);
    expect(second.buffer).toBe(large);
    expect(third.buffer).not.toBe(small);
    expect(third.buffer).not.toBe(large);
    expect(third.byteLength).toBe(10);
    expect(pool.size).toBe(0);
  });

  it('keeps a buffer once however often it is released, and at most its limit in bytes', () => {
    // Prepare
    const pool = new BufferPool(20);
    const a = new ArrayBuffer(8);
    // Act
    pool.release(a);
    pool.release(a);
    pool.release(new ArrayBuffer(8));
    pool.release(new ArrayBuffer(8));
    // Assess
    expect(pool.size).toBe(2);
    expect(pool.byteLength).toBe(16);
    expect(pool.acquire(8).buffer).not.toBe(a);
    expect(pool.byteLength).toBe(8);
  });

  it('lets a Utf8Buffer encode into memory handed back, with nothing of the earlier content showing', () => {
    // Prepare
    const pool = new BufferPool();
    const first = new Utf8Buffer(256, pool);
    first.appendText('x'.repeat(60));
    const spent = first.take();
    pool.release(spent.buffer as ArrayBuffer);
    // Act
    const second = new Utf8Buffer(200, pool);
    second.appendText('abc');
    const bytes = second.take();
    // Assess
    expect(bytes.buffer).toBe(spent.buffer);
    expect(Buffer.from(bytes).toString()).toBe('abc');
  });

  it('takes back the memory a Utf8Buffer outgrows', () => {
    // Prepare
    const pool = new BufferPool();
    const buffer = new Utf8Buffer(16, pool);
    // Act
    buffer.appendText('a'.repeat(40));
    // Assess
    expect(pool.size).toBe(1);
    expect(Buffer.from(buffer.take()).toString()).toBe('a'.repeat(40));
  });
});
