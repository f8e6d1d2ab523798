/* desk-deadline.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-records.h"

G_BEGIN_DECLS

/**
 * DeskOverdueCount:
 * @incident_id: the local id of an incident
 * @obligations: its open obligations whose deadline has passed
 * @notices: its notices not sent by their deadline, which has passed
 *
 * What the sidebar shows next to an incident.
 */
typedef struct
{
  gint64 incident_id;
  gint64 obligations;
  gint64 notices;
} DeskOverdueCount;

/**
 * DeskNoticeProgress:
 * @to_notify: the customer notices that are required
 * @sent_at: (element-type gint64): when each notice that went out was first sent, in order
 * @acknowledged_at: (element-type gint64): when each acknowledged one was, in order
 *
 * The notification progress of an incident over time, for its chart.
 */
typedef struct
{
  gint64  to_notify;
  GArray *sent_at;
  GArray *acknowledged_at;
} DeskNoticeProgress;

#define DESK_TYPE_NOTICE_PROGRESS (desk_notice_progress_get_type ())

GType               desk_notice_progress_get_type (void) G_GNUC_CONST;
DeskNoticeProgress *desk_notice_progress_new    (void);
DeskNoticeProgress *desk_notice_progress_copy   (const DeskNoticeProgress *self);
void                desk_notice_progress_free   (DeskNoticeProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeProgress, desk_notice_progress_free)

#define DESK_TYPE_DEADLINE (desk_deadline_get_type())

G_DECLARE_FINAL_TYPE (DeskDeadline, desk_deadline, DESK, DEADLINE, GObject)

#define DESK_TYPE_REMINDER (desk_reminder_get_type())

G_DECLARE_FINAL_TYPE (DeskReminder, desk_reminder, DESK, REMINDER, GObject)

/* Whether a reminder of @kind about @deadline, at its current due time, was sent before. */
typedef gboolean (*DeskReminderSentFunc) (DeskDeadline     *deadline,
                                          DeskReminderKind  kind,
                                          gpointer          user_data);

DeskDeadline      *desk_deadline_new            (DeskDeadlineKind   kind,
                                                 DeskRecord        *record,
                                                 const char        *title,
                                                 const char        *recipient,
                                                 const char        *incident_title,
                                                 const char        *time_zone,
                                                 gboolean           uncertain,
                                                 gint64             now);
DeskDeadlineKind   desk_deadline_get_kind       (DeskDeadline      *self);
DeskRecord        *desk_deadline_get_record     (DeskDeadline      *self);
gint64             desk_deadline_get_incident_id (DeskDeadline     *self);
const char        *desk_deadline_get_incident_title (DeskDeadline  *self);
const char        *desk_deadline_get_title      (DeskDeadline      *self);
const char        *desk_deadline_get_recipient  (DeskDeadline      *self);
const char        *desk_deadline_get_time_zone  (DeskDeadline      *self);
gboolean           desk_deadline_get_uncertain  (DeskDeadline      *self);
gint64             desk_deadline_get_due_at     (DeskDeadline      *self);
gint64             desk_deadline_get_done_at    (DeskDeadline      *self);
gboolean           desk_deadline_is_done        (DeskDeadline      *self);
DeskDeadlineState  desk_deadline_get_state      (DeskDeadline      *self);
DeskDeadlineState  desk_deadline_state_at       (DeskDeadline      *self,
                                                 gint64             now);
char              *desk_deadline_format_due     (DeskDeadline      *self);
int                desk_deadline_compare        (gconstpointer      a,
                                                 gconstpointer      b);

GPtrArray         *desk_deadline_select_reminders (GPtrArray       *deadlines,
                                                 gint64             now,
                                                 guint              lead_hours,
                                                 DeskReminderSentFunc sent,
                                                 gpointer           user_data);

DeskReminderKind   desk_reminder_get_kind       (DeskReminder      *self);
DeskDeadline      *desk_reminder_get_deadline   (DeskReminder      *self);

G_END_DECLS
