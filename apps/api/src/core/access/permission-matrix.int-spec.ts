import { GraphQLSchemaHost } from '@nestjs/graphql';
import { addMember, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';

type Actor = 'guest' | 'member' | 'orgAdmin' | 'otherMember' | 'platformAdmin' | 'unconfirmed';
const ACTORS: Actor[] = ['guest', 'member', 'otherMember', 'platformAdmin', 'unconfirmed', 'orgAdmin'];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

const everyone = (o: Outcome) => Object.fromEntries(ACTORS.map((a) => [a, o])) as Record<Actor, Outcome>;
const signedIn = (o: Outcome) => ({ ...everyone(o), guest: 'UNAUTHENTICATED' as Outcome });
const adminsOnly = (o: Outcome = 'OK') => ({ ...signedIn('FORBIDDEN'), platformAdmin: o });
/** For confirmed members of an organisation: the platform admin and the unconfirmed applicant have none. */
const confirmedOnly = (o: Outcome) => ({ ...signedIn(o), platformAdmin: 'FORBIDDEN' as Outcome, unconfirmed: 'FORBIDDEN' as Outcome });

/**
 * Inside a closed group: its moderator (member) passes the guard and reaches the service; everyone else is told
 * it does not exist. The platform admin here has no confirmed membership, which groups and materials require.
 */
const closedGroup = (moderator: Outcome, unconfirmed: Outcome = 'NOT_FOUND') => ({
  ...signedIn('NOT_FOUND'),
  member: moderator,
  platformAdmin: unconfirmed,
  unconfirmed,
});

interface Context {
  organizationId: string;
  pendingId: string;
  groupId: string;
  threadId: string;
  materialId: string;
  memberId: string;
}

interface Row {
  op: string;
  query: string | ((ctx: Context) => string);
  expect: Record<Actor, Outcome>;
}

/** Concepts are for confirmed members: a made-up id reaches the service and is not found there. */
function conceptRows(): Row[] {
  const none = '9b2f4c1e-8a7d-4c3b-9e1f-2a3b4c5d6e7f';
  const ids = `conceptId: "${none}", sectionId: "${none}"`;
  const notFound = confirmedOnly('NOT_FOUND');
  return [
    { op: 'Query.concepts', query: '{ concepts { totalCount nodes { id } } }', expect: confirmedOnly('OK') },
    { op: 'Query.concept', query: `{ concept(id: "${none}") { id } }`, expect: notFound },
    { op: 'Query.conceptUpstreamChanges', query: `{ conceptUpstreamChanges(conceptId: "${none}") { state } }`, expect: notFound },
    { op: 'Query.conceptLineage', query: `{ conceptLineage(conceptId: "${none}") { adaptations { latestVersion } } }`, expect: notFound },
    {
      op: 'Mutation.createConcept',
      query: 'mutation { createConcept(input: { title: "", topics: [SPRACHE] }) { id } }',
      expect: confirmedOnly('BAD_USER_INPUT'),
    },
    { op: 'Mutation.updateConcept', query: `mutation { updateConcept(input: { conceptId: "${none}", title: "Neu" }) { id } }`, expect: notFound },
    { op: 'Mutation.addConceptSection', query: `mutation { addConceptSection(input: { conceptId: "${none}", title: "Neu" }) { id } }`, expect: notFound },
    { op: 'Mutation.renameConceptSection', query: `mutation { renameConceptSection(input: { ${ids}, title: "Neu" }) { id } }`, expect: notFound },
    { op: 'Mutation.moveConceptSection', query: `mutation { moveConceptSection(input: { ${ids}, position: 0 }) { id } }`, expect: notFound },
    { op: 'Mutation.removeConceptSection', query: `mutation { removeConceptSection(input: { ${ids} }) { id } }`, expect: notFound },
    { op: 'Mutation.addConceptMeasure', query: `mutation { addConceptMeasure(input: { ${ids}, title: "Neu" }) { id } }`, expect: notFound },
    {
      op: 'Mutation.updateConceptMeasure',
      query: `mutation { updateConceptMeasure(input: { conceptId: "${none}", measureId: "${none}", title: "Neu" }) { id } }`,
      expect: notFound,
    },
    {
      op: 'Mutation.removeConceptMeasure',
      query: `mutation { removeConceptMeasure(input: { conceptId: "${none}", measureId: "${none}" }) { id } }`,
      expect: notFound,
    },
    { op: 'Mutation.publishConcept', query: `mutation { publishConcept(input: { conceptId: "${none}", note: "Fassung" }) { id } }`, expect: notFound },
    {
      op: 'Mutation.adaptConcept',
      query: ({ organizationId }) => `mutation { adaptConcept(input: { versionId: "${none}", organizationId: "${organizationId}" }) { id } }`,
      // Only for an organisation the person belongs to (Stadt Leipzig's member does not belong to Landkreis Leipzig).
      expect: { ...notFound, otherMember: 'FORBIDDEN' },
    },
    { op: 'Query.sectionAdaptations', query: `{ sectionAdaptations(${ids}) { text } }`, expect: notFound },
    { op: 'Query.conceptVersionSections', query: `{ conceptVersionSections(conceptId: "${none}", number: 1) { id } }`, expect: notFound },
    { op: 'Query.conceptComments', query: `{ conceptComments(conceptId: "${none}") { id } }`, expect: notFound },
    { op: 'Mutation.addConceptComment', query: `mutation { addConceptComment(input: { ${ids}, body: "Guter Punkt" }) { id } }`, expect: notFound },
    {
      op: 'Mutation.resolveConceptComment',
      query: `mutation { resolveConceptComment(input: { conceptId: "${none}", commentId: "${none}" }) { id } }`,
      expect: notFound,
    },
    { op: 'Mutation.takeUpstreamSection', query: `mutation { takeUpstreamSection(input: { ${ids}, upstreamVersion: 1 }) { id } }`, expect: notFound },
    { op: 'Mutation.keepLocalSection', query: `mutation { keepLocalSection(input: { ${ids}, upstreamVersion: 1 }) { id } }`, expect: notFound },
  ];
}

/** Events and offers: made-up ids are not found; creating is for members of the organising organisation. */
function eventRows(): Row[] {
  const none = '00000000-0000-4000-8000-000000000000';
  const ownOrg = (o: Outcome) => ({ ...confirmedOnly('FORBIDDEN'), member: o, orgAdmin: o });
  const event = `kind: FACHTAG, title: "Fachtag", topics: [SPRACHE], startsAt: "2027-05-06T09:00", endsAt: "2027-05-06T16:00", address: "Borna", openTo: NEIGHBOURS, audiences: [FACHKRAEFTE]`;
  const offer = `kind: SPRACHKURS, title: "Sprachkurs", topics: [SPRACHE], openTo: OWN, contact: "Volkshochschule"`;
  return [
    { op: 'Query.events', query: '{ events { totalCount nodes { id title startsAt } } }', expect: signedIn('OK') },
    { op: 'Query.event', query: `{ event(id: "${none}") { id } }`, expect: signedIn('NOT_FOUND') },
    { op: 'Query.eventFeedUrl', query: '{ eventFeedUrl }', expect: signedIn('OK') },
    {
      op: 'Mutation.createEvent',
      query: ({ organizationId }) => `mutation { createEvent(input: { ${event}, organizerOrganizationId: "${organizationId}" }) { id } }`,
      expect: ownOrg('OK'),
    },
    { op: 'Mutation.updateEvent', query: `mutation { updateEvent(input: { ${event}, id: "${none}" }) { id } }`, expect: confirmedOnly('NOT_FOUND') },
    { op: 'Mutation.cancelEvent', query: `mutation { cancelEvent(id: "${none}") { id } }`, expect: confirmedOnly('NOT_FOUND') },
    { op: 'Mutation.registerForEvent', query: `mutation { registerForEvent(id: "${none}") { id } }`, expect: confirmedOnly('NOT_FOUND') },
    { op: 'Mutation.cancelEventRegistration', query: `mutation { cancelEventRegistration(id: "${none}") { id } }`, expect: signedIn('NOT_FOUND') },
    { op: 'Query.offers', query: '{ offers { totalCount nodes { id title } } }', expect: signedIn('OK') },
    { op: 'Query.offer', query: `{ offer(id: "${none}") { id } }`, expect: signedIn('NOT_FOUND') },
    {
      op: 'Mutation.createOffer',
      query: ({ organizationId }) => `mutation { createOffer(input: { ${offer}, providerOrganizationId: "${organizationId}" }) { id } }`,
      expect: ownOrg('OK'),
    },
    { op: 'Mutation.updateOffer', query: `mutation { updateOffer(input: { ${offer}, id: "${none}" }) { id } }`, expect: confirmedOnly('NOT_FOUND') },
    { op: 'Mutation.archiveOffer', query: `mutation { archiveOffer(id: "${none}") { id } }`, expect: confirmedOnly('NOT_FOUND') },
    // A municipality's cooperation is for its own members (the Landkreis Leipzig's here).
    { op: 'Query.cooperation', query: '{ cooperation(ags: "14729") { gap } }', expect: ownOrg('OK') },
    { op: 'Query.cooperationSuggestions', query: '{ cooperationSuggestions(ags: "14729") { kind } }', expect: ownOrg('OK') },
    // The national figures are aggregated and for everyone.
    { op: 'Query.cooperationOverview', query: '{ cooperationOverview { borderingKreisPairs } }', expect: everyone('OK') },
  ];
}

/** Exchange rounds: a made-up date is not found; creating is for members of the hosting organisation. */
function roundRows(): Row[] {
  const none = '9b2f4c1e-8a7d-4c3b-9e1f-2a3b4c5d6e7f';
  return [
    { op: 'Query.rounds', query: '{ rounds { totalCount nodes { id } } }', expect: signedIn('OK') },
    { op: 'Query.round', query: `{ round(id: "${none}") { id } }`, expect: signedIn('NOT_FOUND') },
    { op: 'Query.roundSeries', query: `{ roundSeries(id: "${none}") { series { id } } }`, expect: signedIn('NOT_FOUND') },
    {
      op: 'Mutation.updateRound',
      query: `mutation { updateRound(input: { seriesId: "${none}", title: "Runde", topics: [SPRACHE], videoUrl: "https://meet.example" }) { series { id } } }`,
      expect: confirmedOnly('NOT_FOUND'),
    },
    { op: 'Query.myCalendarFeedUrl', query: '{ myCalendarFeedUrl }', expect: signedIn('OK') },
    { op: 'Mutation.renewCalendarFeedToken', query: 'mutation { renewCalendarFeedToken }', expect: signedIn('OK') },
    {
      op: 'Mutation.createRound',
      // Valid up to the host check; the plain-http video link is refused after it.
      query: ({ organizationId }) =>
        `mutation { createRound(input: { title: "Runde", topics: [SPRACHE], hostOrganizationId: "${organizationId}", videoUrl: "http://meet.example", startsAt: "2027-03-10T12:30", durationMinutes: 60 }) { id } }`,
      expect: { ...confirmedOnly('BAD_USER_INPUT'), otherMember: 'FORBIDDEN' },
    },
    { op: 'Mutation.registerForRound', query: `mutation { registerForRound(input: { roundId: "${none}" }) { id } }`, expect: confirmedOnly('NOT_FOUND') },
    { op: 'Mutation.cancelRoundRegistration', query: `mutation { cancelRoundRegistration(roundId: "${none}") { id } }`, expect: signedIn('NOT_FOUND') },
    {
      op: 'Mutation.moveRoundDate',
      query: `mutation { moveRoundDate(input: { roundId: "${none}", startsAt: "2027-03-10T14:00" }) { id } }`,
      expect: confirmedOnly('NOT_FOUND'),
    },
    {
      op: 'Mutation.proposeAgendaItem',
      query: `mutation { proposeAgendaItem(input: { roundId: "${none}", title: "Abrechnung" }) { id } }`,
      expect: confirmedOnly('NOT_FOUND'),
    },
    { op: 'Mutation.voteAgendaItem', query: `mutation { voteAgendaItem(id: "${none}") { id } }`, expect: confirmedOnly('NOT_FOUND') },
    {
      op: 'Mutation.acceptAgendaItem',
      query: `mutation { acceptAgendaItem(input: { itemId: "${none}", position: 0 }) { id } }`,
      expect: confirmedOnly('NOT_FOUND'),
    },
    { op: 'Mutation.cancelRoundDate', query: `mutation { cancelRoundDate(input: { roundId: "${none}" }) { id } }`, expect: confirmedOnly('NOT_FOUND') },
    // The live room: a made-up date is not found for anyone signed in; who takes part is proven in round-room.int-spec.
    { op: 'Query.roundRoom', query: `{ roundRoom(roundId: "${none}") { state } }`, expect: signedIn('NOT_FOUND') },
    { op: 'Mutation.openRoundRoom', query: `mutation { openRoundRoom(roundId: "${none}") { state } }`, expect: signedIn('NOT_FOUND') },
    { op: 'Mutation.closeRoundRoom', query: `mutation { closeRoundRoom(roundId: "${none}") { state } }`, expect: signedIn('NOT_FOUND') },
    {
      op: 'Mutation.hideRoundMessage',
      query: `mutation { hideRoundMessage(input: { roundId: "${none}", messageId: "1", reason: "Grund" }) { id } }`,
      expect: signedIn('NOT_FOUND'),
    },
    {
      op: 'Mutation.createRoundPoll',
      query: `mutation { createRoundPoll(input: { roundId: "${none}", question: "Frage?", options: ["A", "B"] }) { id } }`,
      expect: signedIn('NOT_FOUND'),
    },
    { op: 'Mutation.voteRoundPoll', query: `mutation { voteRoundPoll(input: { pollId: "${none}", choices: [0] }) { id } }`, expect: signedIn('NOT_FOUND') },
    { op: 'Mutation.closeRoundPoll', query: `mutation { closeRoundPoll(pollId: "${none}") { id } }`, expect: signedIn('NOT_FOUND') },
    {
      op: 'Mutation.addRoundActionItem',
      query: `mutation { addRoundActionItem(input: { roundId: "${none}", who: "Wir", what: "Etwas tun" }) { state } }`,
      expect: signedIn('NOT_FOUND'),
    },
    { op: 'Mutation.carryRoundActionItem', query: `mutation { carryRoundActionItem(id: "${none}") { state } }`, expect: signedIn('NOT_FOUND') },
  ];
}

/**
 * Who may call what: every Query and Mutation of the schema, as a guest, a member of Landkreis Leipzig, its
 * admin, a member of Stadt Leipzig, a platform admin, and a signed-in person whose membership is not yet
 * confirmed. Calls that pass the guard but would change shared state use inputs valid up to the check under
 * test and refused after it (BAD_USER_INPUT), which proves the caller got through.
 */
const MATRIX: Row[] = [
  { op: 'Query.appInfo', query: '{ appInfo { name } }', expect: everyone('OK') },
  { op: 'Query.me', query: '{ me { id } }', expect: everyone('OK') },
  { op: 'Query.municipality', query: '{ municipality(ags: "14729") { id } }', expect: everyone('OK') },
  { op: 'Query.municipalities', query: '{ municipalities(search: "Leipzig") { totalCount } }', expect: everyone('OK') },
  { op: 'Query.laender', query: '{ laender { id } }', expect: everyone('OK') },
  { op: 'Query.neighbours', query: '{ neighbours(ags: "14729") { distanceKm } }', expect: everyone('OK') },
  { op: 'Query.organizations', query: '{ organizations(ags: "14729") { id } }', expect: everyone('OK') },
  { op: 'Query.myMemberships', query: '{ myMemberships { id } }', expect: signedIn('OK') },
  { op: 'Query.membershipRequests', query: '{ membershipRequests { id } }', expect: signedIn('OK') },
  { op: 'Query.people', query: '{ people(ags: "14729") { id } }', expect: { ...signedIn('OK'), otherMember: 'FORBIDDEN', unconfirmed: 'FORBIDDEN' } },
  { op: 'Query.myData', query: '{ myData }', expect: signedIn('OK') },
  { op: 'Query.auditLog', query: '{ auditLog { id } }', expect: adminsOnly() },
  { op: 'Query.accounts', query: '{ accounts(search: "") { id } }', expect: adminsOnly() },
  { op: 'Mutation.register', query: 'mutation { register(input: { name: "Neu", email: "kaputt", password: "x" }) }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.verifyEmail', query: 'mutation { verifyEmail(token: "erfunden") }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.login', query: 'mutation { login(input: { email: "kaputt", password: "x" }) { id } }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.requestPasswordReset', query: 'mutation { requestPasswordReset(email: "niemand@verbund.example") }', expect: everyone('OK') },
  {
    op: 'Mutation.resetPassword',
    query: 'mutation { resetPassword(input: { token: "erfunden", newPassword: "Langes-Passwort-123" }) }',
    expect: everyone('BAD_USER_INPUT'),
  },
  { op: 'Mutation.confirmEmailChange', query: 'mutation { confirmEmailChange(token: "erfunden") }', expect: everyone('BAD_USER_INPUT') },
  {
    op: 'Mutation.requestEmailChange',
    query: 'mutation { requestEmailChange(input: { newEmail: "neu@verbund.example", password: "falsch" }) }',
    expect: signedIn('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.changePassword',
    query: 'mutation { changePassword(input: { currentPassword: "falsch", newPassword: "Langes-Passwort-123" }) }',
    expect: signedIn('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.deleteMyAccount',
    query: 'mutation { deleteMyAccount(input: { password: "falsch", contributions: ANONYMISE }) }',
    expect: signedIn('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.requestMembership',
    query: 'mutation { requestMembership(input: { municipalityAgs: "abc", function: VERWALTUNG }) { id } }',
    expect: signedIn('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.createOrganization',
    query: 'mutation { createOrganization(input: { name: "X", kind: VEREIN, municipalityAgs: "14729", function: OTHER }) { id } }',
    expect: signedIn('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.setPlatformRole',
    query: 'mutation { setPlatformRole(input: { userId: "00000000-0000-0000-0000-000000000000", admin: true }) { id } }',
    expect: adminsOnly('NOT_FOUND'),
  },
  {
    op: 'Mutation.endMembership',
    query: 'mutation { endMembership(input: { membershipId: "00000000-0000-0000-0000-000000000000" }) }',
    expect: signedIn('NOT_FOUND'),
  },
  {
    op: 'Mutation.setMembershipRole',
    query: 'mutation { setMembershipRole(input: { membershipId: "00000000-0000-0000-0000-000000000000", admin: true }) { id } }',
    expect: signedIn('NOT_FOUND'),
  },
  {
    op: 'Mutation.decideMembership',
    query: ({ pendingId }) => `mutation { decideMembership(input: { membershipId: "${pendingId}", approve: true }) { id } }`,
    expect: { ...signedIn('FORBIDDEN'), orgAdmin: 'OK' },
  },
  { op: 'Query.groups', query: '{ groups { totalCount } }', expect: confirmedOnly('OK') },
  { op: 'Query.groupSuggestions', query: '{ groupSuggestions { reasons } }', expect: confirmedOnly('OK') },
  { op: 'Query.group', query: ({ groupId }) => `{ group(id: "${groupId}") { id } }`, expect: closedGroup('OK', 'FORBIDDEN') },
  { op: 'Query.thread', query: ({ threadId }) => `{ thread(id: "${threadId}") { id } }`, expect: closedGroup('OK') },
  { op: 'Query.groupThreads', query: ({ groupId }) => `{ groupThreads(groupId: "${groupId}") { totalCount } }`, expect: closedGroup('OK') },
  { op: 'Query.materials', query: '{ materials(search: "Konzept") { totalCount } }', expect: signedIn('OK') },
  { op: 'Query.search', query: '{ search(search: "Konzept") { totalCount nodes { kind } } }', expect: signedIn('OK') },
  { op: 'Query.material', query: ({ materialId }) => `{ material(id: "${materialId}") { id } }`, expect: closedGroup('OK') },
  {
    op: 'Mutation.createGroup',
    query: 'mutation { createGroup(input: { name: "X", description: "", topics: [SPRACHE], access: OPEN, region: { kind: BUNDESWEIT } }) { id } }',
    expect: confirmedOnly('BAD_USER_INPUT'),
  },
  { op: 'Mutation.joinGroup', query: ({ groupId }) => `mutation { joinGroup(id: "${groupId}") { id } }`, expect: closedGroup('CONFLICT', 'FORBIDDEN') },
  {
    op: 'Mutation.decideGroupJoin',
    query: ({ groupId }) =>
      `mutation { decideGroupJoin(input: { groupId: "${groupId}", personId: "00000000-0000-0000-0000-000000000000", approve: true }) { role } }`,
    expect: closedGroup('CONFLICT'),
  },
  {
    op: 'Mutation.inviteToGroup',
    query: ({ groupId }) => `mutation { inviteToGroup(input: { groupId: "${groupId}" }) { invited } }`,
    expect: closedGroup('BAD_USER_INPUT'),
  },
  { op: 'Mutation.leaveGroup', query: ({ groupId }) => `mutation { leaveGroup(id: "${groupId}") }`, expect: closedGroup('CONFLICT') },
  {
    op: 'Mutation.removeGroupMember',
    query: ({ groupId, memberId }) => `mutation { removeGroupMember(input: { groupId: "${groupId}", personId: "${memberId}" }) { role } }`,
    expect: closedGroup('CONFLICT'),
  },
  {
    op: 'Mutation.setGroupRole',
    query: ({ groupId, memberId }) => `mutation { setGroupRole(input: { groupId: "${groupId}", personId: "${memberId}", role: MEMBER }) { role } }`,
    expect: closedGroup('CONFLICT'),
  },
  {
    op: 'Mutation.startThread',
    query: ({ groupId }) => `mutation { startThread(input: { groupId: "${groupId}", title: "x", body: "Text" }) { id } }`,
    expect: closedGroup('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.replyToThread',
    query: ({ threadId }) => `mutation { replyToThread(input: { threadId: "${threadId}", body: " " }) { id } }`,
    expect: closedGroup('BAD_USER_INPUT'),
  },
  {
    op: 'Mutation.createMaterial',
    // Valid up to the organisation check; neither text nor file, which only a caller past it is told.
    query: ({ organizationId }) =>
      `mutation { createMaterial(input: { title: "Leitfaden Sprachmittlung", summary: "", topics: [SPRACHE], kind: KONZEPT, languages: ["de"], licence: CC_BY_4_0, visibility: MEMBERS, organizationId: "${organizationId}" }) { id } }`,
    expect: { ...confirmedOnly('BAD_USER_INPUT'), otherMember: 'FORBIDDEN' },
  },
  {
    op: 'Mutation.addMaterialVersion',
    query: ({ materialId }) => `mutation { addMaterialVersion(input: { materialId: "${materialId}" }) { id } }`,
    expect: closedGroup('BAD_USER_INPUT', 'FORBIDDEN'),
  },
  {
    op: 'Mutation.markMaterialUsed',
    query: ({ materialId }) => `mutation { markMaterialUsed(id: "${materialId}") { id } }`,
    expect: closedGroup('OK', 'FORBIDDEN'),
  },
  { op: 'Query.notifications', query: '{ notifications(first: 5) { totalCount nodes { id text link } } }', expect: signedIn('OK') },
  { op: 'Query.unreadNotificationCount', query: '{ unreadNotificationCount }', expect: signedIn('OK') },
  { op: 'Query.notificationPreferences', query: '{ notificationPreferences { kind channel } }', expect: signedIn('OK') },
  { op: 'Mutation.markNotificationsRead', query: 'mutation { markNotificationsRead(ids: ["kein-id"]) }', expect: signedIn('BAD_USER_INPUT') },
  { op: 'Mutation.markAllNotificationsRead', query: 'mutation { markAllNotificationsRead }', expect: signedIn('OK') },
  {
    op: 'Mutation.setNotificationPreference',
    query: 'mutation { setNotificationPreference(input: { kind: MATERIAL_VERSION, channel: IN_APP }) { kind channel } }',
    expect: signedIn('OK'),
  },
  { op: 'Mutation.setPreferredLanguage', query: 'mutation { setPreferredLanguage(language: de) }', expect: signedIn('OK') },
  // A forged link is refused for everyone alike; a real one needs no session (tested in notifications.int-spec).
  { op: 'Mutation.unsubscribeNotifications', query: 'mutation { unsubscribeNotifications(token: "a.MENTION.b") }', expect: everyone('BAD_USER_INPUT') },
  ...conceptRows(),
  ...roundRows(),
  ...eventRows(),
  { op: 'Mutation.logoutEverywhere', query: 'mutation { logoutEverywhere }', expect: signedIn('OK') },
  { op: 'Mutation.logout', query: 'mutation { logout }', expect: everyone('OK') },
];

describe('the permission matrix over every operation', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let ctx: Context;
  const as = {} as Record<Actor, () => Promise<TestClient>>;

  beforeAll(async () => {
    // Every caller asks for the same reset address: the per-address mail limit is not what this table tests.
    t = await startTestApp({ MAIL_LIMIT_PER_ADDRESS: '100' }, { directory: true });
    prisma = new PrismaService(t.db.url);
    const users = {
      member: await createUser(prisma),
      orgAdmin: await createUser(prisma),
      otherMember: await createUser(prisma),
      platformAdmin: await createUser(prisma, { platformAdmin: true }),
      applicant: await createUser(prisma),
    };
    await addMember(prisma, users.member.id, '14729');
    await addMember(prisma, users.orgAdmin.id, '14729', 'ADMIN');
    await addMember(prisma, users.otherMember.id, '14713');
    const pending = await addMember(prisma, users.applicant.id, '14729');
    const pendingId = (await prisma.membership.update({ where: { id: pending.id }, data: { status: 'REQUESTED' } })).id;
    const group = await prisma.workingGroup.create({
      data: {
        name: 'Geschlossene Runde',
        description: '',
        topics: ['SPRACHE'],
        access: 'CLOSED',
        regionKind: 'BUNDESWEIT',
        members: { create: { userId: users.member.id, role: 'MODERATOR', status: 'ACTIVE' } },
        threads: { create: { title: 'Intern', authorId: users.member.id, posts: { create: { authorId: users.member.id, markdown: 'x', html: '<p>x</p>' } } } },
      },
      include: { threads: true },
    });
    const organization = await prisma.organization.findFirstOrThrow({
      where: { memberships: { some: { userId: users.member.id } } },
      include: { locatedIn: true },
    });
    const material = await prisma.material.create({
      data: {
        title: 'Internes Konzept',
        summary: '',
        topics: ['SPRACHE'],
        kind: 'KONZEPT',
        languages: ['de'],
        licence: 'CC_BY_4_0',
        visibility: 'GROUP',
        groupId: group.id,
        organizationId: organization.id,
        municipalityId: organization.locatedInId,
        landCode: organization.locatedIn.landCode,
        versions: { create: { number: 1, format: 'MARKDOWN', markdown: 'x', html: '<p>x</p>', text: 'x' } },
      },
    });
    ctx = { organizationId: organization.id, pendingId, groupId: group.id, threadId: group.threads[0]!.id, materialId: material.id, memberId: users.member.id };
    as.guest = async () => t.client();
    for (const actor of ['member', 'orgAdmin', 'otherMember', 'platformAdmin'] as const) as[actor] = () => signIn(t, users[actor].email);
    as.unconfirmed = () => signIn(t, users.applicant.email);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it('covers every Query and Mutation of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    expect(MATRIX.map((r) => r.op).sort()).toEqual(fields);
  });

  it('answers each caller as declared', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const actor of ACTORS) {
      // A fresh session per actor: logoutEverywhere and logout come last in the table.
      const client = await as[actor]();
      for (const row of MATRIX) {
        const query = typeof row.query === 'function' ? row.query(ctx) : row.query;
        const res = await client.graphql(query);
        const error = res.errors?.[0] as { path?: unknown; extensions: { code: string } } | undefined;
        // A refusal from a resolver has a path; one without came from parsing or validation: a broken row.
        const code = !error ? 'OK' : error.path ? error.extensions.code : `${error.extensions.code} before any resolver`;
        got.push(`${actor} ${row.op}: ${code}`);
        want.push(`${actor} ${row.op}: ${row.expect[actor]}`);
      }
    }
    expect(got).toEqual(want);
  });
});
