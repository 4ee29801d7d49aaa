import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { renderMarkdown } from '../core/markdown/markdown.js';
import type { ReplyInput, StartThreadInput } from './dto/group.inputs.js';
import { person } from './group.mapper.js';
import { isUuid } from '../core/validation/ids.js';
import { GroupsService } from './groups.service.js';
import type { Post, Thread } from './models/discussion.model.js';
import { ViewerScopeService } from './viewer-scope.service.js';

const MAX_BODY = 20_000;
const NOT_MEMBER = 'Die Diskussionen einer Gruppe sind ihren Mitgliedern vorbehalten.';

/** Threads and replies inside a working group; for its active members only. */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly groups: GroupsService,
    private readonly scopes: ViewerScopeService,
  ) {}

  private async requireMember(user: User, groupId: string): Promise<void> {
    await this.groups.visibleRow(user, groupId);
    const scope = await this.scopes.of(user);
    if (!scope.activeGroupIds.includes(groupId)) throw forbidden(NOT_MEMBER);
  }

  private body(text: string): string {
    const body = text.trim();
    if (!body) throw badUserInput('Bitte schreiben Sie einen Text.', { field: 'body' });
    if (body.length > MAX_BODY) throw badUserInput(`Höchstens ${MAX_BODY} Zeichen.`, { field: 'body' });
    return body;
  }

  /** Group members who can be mentioned with `@Name`. */
  private async mentionable(groupId: string) {
    const members = await this.prisma.groupMember.findMany({ where: { groupId, status: 'ACTIVE' }, include: { user: { select: { id: true, name: true } } } });
    return members.map((m) => m.user);
  }

  async threads(user: User, groupId: string): Promise<Thread[]> {
    await this.requireMember(user, groupId);
    const rows = await this.prisma.thread.findMany({
      where: { groupId },
      include: { author: { select: { id: true, name: true } }, _count: { select: { posts: true } } },
      orderBy: { lastPostAt: 'desc' },
      take: 100,
    });
    return rows.map((r) => ({
      id: r.id,
      groupId: r.groupId,
      title: r.title,
      author: person(r.author),
      createdAt: r.createdAt,
      lastPostAt: r.lastPostAt,
      postCount: r._count.posts,
    }));
  }

  async thread(user: User, id: string): Promise<Thread & { posts: Post[] }> {
    const row = isUuid(id)
      ? await this.prisma.thread.findUnique({
          where: { id },
          include: {
            author: { select: { id: true, name: true } },
            posts: { include: { author: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } },
          },
        })
      : null;
    if (!row) throw notFound('Diese Diskussion gibt es nicht.');
    try {
      await this.requireMember(user, row.groupId);
    } catch {
      throw notFound('Diese Diskussion gibt es nicht.');
    }
    return {
      id: row.id,
      groupId: row.groupId,
      title: row.title,
      author: person(row.author),
      createdAt: row.createdAt,
      lastPostAt: row.lastPostAt,
      postCount: row.posts.length,
      posts: row.posts.map((p) => ({ id: p.id, author: person(p.author), markdown: p.markdown, html: p.html, createdAt: p.createdAt })),
    };
  }

  async start(user: User, input: StartThreadInput): Promise<Thread & { posts: Post[] }> {
    await this.requireMember(user, input.groupId);
    const title = input.title.trim();
    if (title.length < 3 || title.length > 200) throw badUserInput('Der Titel braucht 3 bis 200 Zeichen.', { field: 'title' });
    const markdown = this.body(input.body);
    const { html, mentioned } = renderMarkdown(markdown, await this.mentionable(input.groupId));
    const thread = await this.prisma.thread.create({
      data: {
        groupId: input.groupId,
        title,
        authorId: user.id,
        posts: { create: { authorId: user.id, markdown, html, mentions: { create: mentioned.map((userId) => ({ userId })) } } },
      },
    });
    return this.thread(user, thread.id);
  }

  async reply(user: User, input: ReplyInput): Promise<Thread & { posts: Post[] }> {
    const thread = isUuid(input.threadId) ? await this.prisma.thread.findUnique({ where: { id: input.threadId } }) : null;
    if (!thread) throw notFound('Diese Diskussion gibt es nicht.');
    await this.requireMember(user, thread.groupId);
    const markdown = this.body(input.body);
    const { html, mentioned } = renderMarkdown(markdown, await this.mentionable(thread.groupId));
    await this.prisma.$transaction([
      this.prisma.post.create({
        data: { threadId: thread.id, authorId: user.id, markdown, html, mentions: { create: mentioned.map((userId) => ({ userId })) } },
      }),
      this.prisma.thread.update({ where: { id: thread.id }, data: { lastPostAt: new Date() } }),
    ]);
    return this.thread(user, thread.id);
  }
}
