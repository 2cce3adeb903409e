/*
 * The public complaint API, for people without an account. Receipt codes go
 * in request bodies and headers, never in URLs, so they stay out of logs and
 * browser history.
 */
import type { ComplaintInput, ComplaintReceipt, ComplaintStatistics, ComplaintStatusView } from '../../../../src/shared/accountability.ts';
import type { ErrorCode } from '../../../../src/shared/errors.ts';
import { api, ApiError } from '../../api/client.ts';

export function fileComplaint(input: ComplaintInput): Promise<ComplaintReceipt> {
  return api<ComplaintReceipt>('/api/v1/complaints', { method: 'POST', body: input });
}

export function complaintStatus(receipt: string): Promise<ComplaintStatusView> {
  return api<ComplaintStatusView>('/api/v1/complaints/status', { method: 'POST', body: { receipt } });
}

export function addInformation(receipt: string, text: string): Promise<{ additions: number }> {
  return api<{ additions: number }>('/api/v1/complaints/additions', { method: 'POST', body: { receipt, text } });
}

export function complaintStatistics(months = 12): Promise<ComplaintStatistics> {
  return api<ComplaintStatistics>('/api/v1/complaints/statistics', { query: { months } });
}

/** Largest file the server takes; checked here too so that nobody waits for a refusal. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILES = 'image/jpeg,image/png,application/pdf';

/** Sends one file as the raw request body; the server checks its type by content and removes its metadata. */
export async function uploadFile(receipt: string, file: File): Promise<{ id: string; metadataRemoved: string[] }> {
  let response: Response;
  try {
    response = await fetch('/api/v1/complaints/attachments', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-konbit-receipt': receipt, 'x-konbit-filename': encodeURIComponent(file.name) },
      body: file,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = (payload as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
    throw new ApiError(response.status, failure?.code ?? 'INTERNAL', failure?.message ?? response.statusText);
  }
  return payload as { id: string; metadataRemoved: string[] };
}
