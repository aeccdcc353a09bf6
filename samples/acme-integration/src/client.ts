import {
  IntegrationProviderAPIError,
  IntegrationProviderAuthenticationError,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from './config';

export type ResourceIteratee<T> = (each: T) => Promise<void> | void;

export interface AcmeAccount {
  id: string;
  name: string;
  plan: string;
}

export interface AcmeUser {
  id: string;
  username: string;
  email: string;
  active: boolean;
  groupIds: string[];
}

export interface AcmeGroup {
  id: string;
  name: string;
}

export interface AcmeDevice {
  id: string;
  hostname: string;
  platform: 'macos' | 'windows' | 'linux';
  assignedUserId?: string;
}

export interface AcmeVulnerability {
  id: string;
  deviceId: string;
  cve: string;
  severity: string;
}

interface Page<T> {
  items: T[];
  next?: string;
}

/**
 * A small client for the Acme REST API. Every list endpoint is paginated with a
 * `next` cursor.
 */
export class APIClient {
  private token: string | undefined;

  constructor(readonly config: IntegrationConfig) {}

  private get baseUrl(): string {
    return this.config.apiBaseUrl || 'https://api.acme.example.com';
  }

  private async authenticate(): Promise<string> {
    if (this.token) return this.token;
    const endpoint = `${this.baseUrl}/oauth/token`;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.config.clientId,
        client_secret: this.config.clientSecret,
      }),
    });
    if (!response.ok) {
      throw new IntegrationProviderAuthenticationError({
        endpoint,
        status: response.status,
        statusText: response.statusText,
      });
    }
    const body = (await response.json()) as { access_token: string };
    this.token = body.access_token;
    return this.token;
  }

  private async request<T>(path: string): Promise<T> {
    const endpoint = `${this.baseUrl}${path}`;
    const response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${await this.authenticate()}` },
    });
    if (!response.ok) {
      throw new IntegrationProviderAPIError({
        endpoint,
        status: response.status,
        statusText: response.statusText,
      });
    }
    return (await response.json()) as T;
  }

  private async paginate<T>(path: string, iteratee: ResourceIteratee<T>): Promise<void> {
    let next: string | undefined = path;
    while (next) {
      const page: Page<T> = await this.request<Page<T>>(next);
      for (const item of page.items) await iteratee(item);
      next = page.next;
    }
  }

  async verifyAuthentication(): Promise<void> {
    await this.authenticate();
  }

  getAccount(): Promise<AcmeAccount> {
    return this.request<AcmeAccount>('/v1/account');
  }

  iterateUsers(iteratee: ResourceIteratee<AcmeUser>): Promise<void> {
    return this.paginate('/v1/users', iteratee);
  }

  iterateGroups(iteratee: ResourceIteratee<AcmeGroup>): Promise<void> {
    return this.paginate('/v1/groups', iteratee);
  }

  iterateDevices(iteratee: ResourceIteratee<AcmeDevice>): Promise<void> {
    return this.paginate('/v1/devices', iteratee);
  }

  iterateVulnerabilities(iteratee: ResourceIteratee<AcmeVulnerability>): Promise<void> {
    return this.paginate('/v1/vulnerabilities', iteratee);
  }
}

export function createAPIClient(config: IntegrationConfig): APIClient {
  return new APIClient(config);
}
