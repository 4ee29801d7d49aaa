import { Injectable } from '@nestjs/common';
import type { Prisma, User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ACTIVE_CONFIRMED } from './active-member.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { renderMarkdown } from '../core/markdown/markdown.js';
import type { ReplyInput, StartThreadInput } from './dto/group.inputs.js';
import { person } from './group.mapper.js';
import { isUuid } from '../core/validation/ids.js';
import { GroupsService, visibleTo } from './groups.service.js';
import type { Post, Thread, ThreadPage } from './models/discussion.model.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';

const MAX_BODY = 20_000;
const MAX_PAGE = 100;
const NOT_MEMBER = 'Die Diskussionen einer Gruppe sind ihren Mitgliedern vorbehalten.';

/** Threads and replies inside a working group; for its active members only. */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly groups: GroupsService,
    private readonly scopes: ViewerScopeService,
    private readonly notifications: NotificationsService,
    realtime: RealtimeService,
  ) {
    // Mentions are in a group's discussions: for its active members.
    notifications.seesSubjects('post', async (scope, ids) =>
      (await prisma.post.findMany({ where: { id: { in: ids }, thread: { groupId: { in: scope.activeGroupIds } } }, select: { id: true } })).map((r) => r.id),
    );
    notifications.seesSubjects('group', async (scope, ids) =>
      (await prisma.workingGroup.findMany({ where: { id: { in: ids }, ...visibleTo(scope.user.id) }, select: { id: true } })).map((r) => r.id),
    );
    // The live room of a group (new posts, presence) is for its active members, as its discussions are.
    realtime.registerRoom('group', async (userId, groupId) => {
      const member = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { status: true } });
      // Groups are for confirmed members of the platform: who left their last organisation hears nothing more.
      return member?.status === 'ACTIVE' && (await prisma.membership.count({ where: { userId, status: 'CONFIRMED' } })) > 0;
    });
  }

  /** Writes a post with its mentions, and tells each mentioned member, in the caller's transaction. */
  private async writePost(tx: Prisma.TransactionClient, user: User, groupId: string, threadId: string, markdown: string): Promise<void> {
    const { html, mentioned } = renderMarkdown(markdown, await this.mentionable(groupId));
    const post = await tx.post.create({ data: { threadId, authorId: user.id, markdown, html, mentions: { create: mentioned.map((userId) => ({ userId })) } } });
    await this.notifications.notify(tx, {
      recipients: mentioned,
      kind: 'MENTION',
      subjectType: 'post',
      subjectId: post.id,
      payload: { actorId: user.id, groupId, threadId, postId: post.id },
    });
  }

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
    const members = await this.prisma.groupMember.findMany({
      where: { groupId, ...ACTIVE_CONFIRMED },
      include: { user: { select: { id: true, name: true } } },
    });
    return members.map((m) => m.user);
  }

  async threads(user: User, groupId: string, first: number, offset: number): Promise<ThreadPage> {
    if (first < 1 || first > MAX_PAGE || offset < 0) throw badUserInput(`first: 1 bis ${MAX_PAGE}, offset ab 0.`, { field: 'first', limit: MAX_PAGE });
    await this.requireMember(user, groupId);
    const [rows, totalCount] = await this.prisma.$transaction([
      this.prisma.thread.findMany({
        where: { groupId },
        include: { author: { select: { id: true, name: true } }, _count: { select: { posts: true } } },
        orderBy: [{ lastPostAt: 'desc' }, { id: 'asc' }],
        take: first,
        skip: offset,
      }),
      this.prisma.thread.count({ where: { groupId } }),
    ]);
    const nodes = rows.map((r) => ({
      id: r.id,
      groupId: r.groupId,
      title: r.title,
      author: person(r.author),
      createdAt: r.createdAt,
      lastPostAt: r.lastPostAt,
      postCount: r._count.posts,
    }));
    return { nodes, totalCount };
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
    const thread = await this.prisma.$transaction(async (tx) => {
      const created = await tx.thread.create({ data: { groupId: input.groupId, title, authorId: user.id } });
      await this.writePost(tx, user, input.groupId, created.id, markdown);
      return created;
    });
    return this.thread(user, thread.id);
  }

  async reply(user: User, input: ReplyInput): Promise<Thread & { posts: Post[] }> {
    const thread = isUuid(input.threadId) ? await this.prisma.thread.findUnique({ where: { id: input.threadId } }) : null;
    if (!thread) throw notFound('Diese Diskussion gibt es nicht.');
    await this.requireMember(user, thread.groupId);
    const markdown = this.body(input.body);
    await this.prisma.$transaction(async (tx) => {
      await this.writePost(tx, user, thread.groupId, thread.id, markdown);
      await tx.thread.update({ where: { id: thread.id }, data: { lastPostAt: new Date() } });
    });
    return this.thread(user, thread.id);
  }
}
