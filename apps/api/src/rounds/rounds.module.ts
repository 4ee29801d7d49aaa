import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { RoundChat } from './room/round-chat.js';
import { RoundPolls } from './room/round-polls.js';
import { RoundNotesDocs } from './room/round-notes-docs.js';
import { RoundPresence } from './room/round-presence.js';
import { RoundRoomAccess } from './room/round-room-access.js';
import { RoundRoomGateway } from './room/round-room.gateway.js';
import { RoundRoomResolver } from './room/round-room.resolver.js';
import { RoundRoomService } from './room/round-room.service.js';
import { RoundSpeakers } from './room/round-speakers.js';
import { RoundAgendaService } from './round-agenda.service.js';
import { RoundAudienceRules } from './round-audience.js';
import { RoundReminders } from './round-reminders.js';
import { RoundCalendarController } from './round-calendar.controller.js';
import { RoundFeeds } from './round-feeds.js';
import { RoundsPersonalData } from './rounds.personal-data.js';
import { RoundsResolver } from './rounds.resolver.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [MunicipalitiesModule, MaterialsModule],
  providers: [
    RoundsPersonalData,
    RoundAudienceRules,
    RoundsService,
    RoundAgendaService,
    RoundsResolver,
    RoundReminders,
    RoundFeeds,
    RoundRoomAccess,
    RoundNotesDocs,
    RoundChat,
    RoundPresence,
    RoundSpeakers,
    RoundPolls,
    RoundRoomService,
    RoundRoomResolver,
    RoundRoomGateway,
  ],
  controllers: [RoundCalendarController],
  exports: [RoundsService],
})
export class RoundsModule {}
