/* desk-deadline.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A DeskDeadline is one line of the "due next" list: an obligation to a regulator (a stage of a
 * deadline rule) or a notice of the ledger, with its due time, whether it is done, and what the
 * list shows about it, gathered by desk_store_list_deadlines(). Its state is the one at the time
 * it was listed; desk_deadline_state_at() tells it for another moment, for a countdown that runs
 * on. A DeskReminder is one reminder to show: a deadline and the threshold it reached.
 */

#define G_LOG_DOMAIN "desk-deadline"

#include "config.h"

#include "desk-deadline.h"
#include "desk-time.h"

#define SECONDS_PER_HOUR (G_GINT64_CONSTANT (60) * 60)

struct _DeskDeadline
{
  GObject            parent_instance;

  DeskDeadlineKind   kind;
  DeskRecord        *record;
  char              *title;
  char              *recipient;
  char              *incident_title;
  char              *time_zone;
  gboolean           uncertain;
  DeskDeadlineState  state;
};

struct _DeskReminder
{
  GObject           parent_instance;

  DeskReminderKind  kind;
  DeskDeadline     *deadline;
};

G_DEFINE_FINAL_TYPE (DeskDeadline, desk_deadline, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (DeskReminder, desk_reminder, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (DeskNoticeProgress, desk_notice_progress,
                     desk_notice_progress_copy, desk_notice_progress_free)

enum {
  PROP_0,
  PROP_KIND,
  PROP_RECORD,
  PROP_TITLE,
  PROP_RECIPIENT,
  PROP_INCIDENT_TITLE,
  PROP_TIME_ZONE,
  PROP_UNCERTAIN,
  PROP_DUE_AT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* DeskDeadline {{{ */

static void
desk_deadline_finalize (GObject *object)
{
  DeskDeadline *self = DESK_DEADLINE (object);

  g_clear_object (&self->record);
  g_free (self->title);
  g_free (self->recipient);
  g_free (self->incident_title);
  g_free (self->time_zone);

  G_OBJECT_CLASS (desk_deadline_parent_class)->finalize (object);
}

static void
desk_deadline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeskDeadline *self = DESK_DEADLINE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;

    case PROP_INCIDENT_TITLE:
      g_value_set_string (value, self->incident_title);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_UNCERTAIN:
      g_value_set_boolean (value, self->uncertain);
      break;

    case PROP_DUE_AT:
      g_value_set_int64 (value, desk_deadline_get_due_at (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_deadline_class_init (DeskDeadlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_deadline_finalize;
  object_class->get_property = desk_deadline_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, DESK_TYPE_DEADLINE_KIND,
                       DESK_DEADLINE_KIND_OBLIGATION, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * DeskDeadline:record:
   *
   * The #DeskObligation or #DeskNotification the deadline is of.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DESK_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * DeskDeadline:title:
   *
   * What is due: a rule and stage ("APPI (Japan): Final report"), a customer's name, or the
   * name of the regulator a notice is for.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * DeskDeadline:recipient:
   *
   * Who is told, translated.
   */
  properties[PROP_RECIPIENT] =
    g_param_spec_string ("recipient", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_INCIDENT_TITLE] =
    g_param_spec_string ("incident-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * DeskDeadline:time-zone:
   *
   * The incident's time zone, an IANA name, in which its due time is shown.
   */
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * DeskDeadline:uncertain:
   *
   * Whether the deadline comes from a rule that is to be verified.
   */
  properties[PROP_UNCERTAIN] =
    g_param_spec_boolean ("uncertain", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * DeskDeadline:state:
   *
   * Upcoming, overdue or done, when the deadline was listed.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, DESK_TYPE_DEADLINE_STATE,
                       DESK_DEADLINE_STATE_UPCOMING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_deadline_init (DeskDeadline *self)
{
}

/**
 * desk_deadline_new:
 * @record: a #DeskObligation or a #DeskNotification
 * @title: what is due, as lists show it
 * @recipient: (nullable): who is told, translated
 * @time_zone: (nullable): the incident's time zone; %NULL for the local one
 * @uncertain: whether the rule behind it is to be verified
 * @now: the time its state is taken at
 *
 * Returns: (transfer full): a new deadline
 */
DeskDeadline *
desk_deadline_new (DeskDeadlineKind  kind,
                   DeskRecord       *record,
                   const char       *title,
                   const char       *recipient,
                   const char       *incident_title,
                   const char       *time_zone,
                   gboolean          uncertain,
                   gint64            now)
{
  DeskDeadline *self;

  g_return_val_if_fail (kind == DESK_DEADLINE_KIND_OBLIGATION ? DESK_IS_OBLIGATION (record)
                                                               : DESK_IS_NOTIFICATION (record),
                        NULL);

  self = g_object_new (DESK_TYPE_DEADLINE, NULL);
  self->kind = kind;
  self->record = g_object_ref (record);
  self->title = g_strdup (title);
  self->recipient = g_strdup (recipient);
  self->incident_title = g_strdup (incident_title);
  self->time_zone = g_strdup (time_zone);
  self->uncertain = uncertain;
  self->state = desk_deadline_state_at (self, now);

  return self;
}

DeskDeadlineKind
desk_deadline_get_kind (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), DESK_DEADLINE_KIND_OBLIGATION);

  return self->kind;
}

/* Returns: (transfer none): the #DeskObligation or #DeskNotification */
DeskRecord *
desk_deadline_get_record (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), NULL);

  return self->record;
}

/* The local id of the incident, e.g. to open it from a reminder. */
gint64
desk_deadline_get_incident_id (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), 0);

  return desk_record_get_int (self->record, "incident-id");
}

const char *
desk_deadline_get_incident_title (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), NULL);

  return self->incident_title;
}

const char *
desk_deadline_get_title (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), NULL);

  return self->title;
}

const char *
desk_deadline_get_recipient (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), NULL);

  return self->recipient;
}

/* Returns: (transfer none) (nullable): the incident's time zone, %NULL for the local one */
const char *
desk_deadline_get_time_zone (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), NULL);

  return self->time_zone;
}

gboolean
desk_deadline_get_uncertain (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), FALSE);

  return self->uncertain;
}

/* Returns: when it is due, or 0 when it has no fixed deadline ("promptly") */
gint64
desk_deadline_get_due_at (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), 0);

  return desk_record_get_int (self->record, "due-at");
}

/* Whether the obligation was filed or does not apply, or the notice went out. */
gboolean
desk_deadline_is_done (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), FALSE);

  if (self->kind == DESK_DEADLINE_KIND_OBLIGATION)
    return desk_record_get_enum (self->record, "status") != DESK_OBLIGATION_STATUS_OPEN;

  switch ((DeskNotificationStatus) desk_record_get_enum (self->record, "status"))
    {
    case DESK_NOTIFICATION_STATUS_SENT:
    case DESK_NOTIFICATION_STATUS_DELIVERED:
    case DESK_NOTIFICATION_STATUS_ACKNOWLEDGED:
    case DESK_NOTIFICATION_STATUS_NOT_REQUIRED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns: when it was filed or sent, or 0 */
gint64
desk_deadline_get_done_at (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), 0);

  return desk_record_get_int (self->record, self->kind == DESK_DEADLINE_KIND_OBLIGATION
                                            ? "filed-at" : "sent-at");
}

DeskDeadlineState
desk_deadline_get_state (DeskDeadline *self)
{
  g_return_val_if_fail (DESK_IS_DEADLINE (self), DESK_DEADLINE_STATE_UPCOMING);

  return self->state;
}

/**
 * desk_deadline_state_at:
 *
 * Returns: the deadline's state at @now: done, overdue once its due time has passed, else
 *   upcoming (a deadline without a due time is never overdue)
 */
DeskDeadlineState
desk_deadline_state_at (DeskDeadline *self,
                        gint64        now)
{
  gint64 due_at;

  g_return_val_if_fail (DESK_IS_DEADLINE (self), DESK_DEADLINE_STATE_UPCOMING);

  if (desk_deadline_is_done (self))
    return DESK_DEADLINE_STATE_DONE;

  due_at = desk_deadline_get_due_at (self);
  return due_at != 0 && now > due_at ? DESK_DEADLINE_STATE_OVERDUE
                                     : DESK_DEADLINE_STATE_UPCOMING;
}

/**
 * desk_deadline_format_due:
 *
 * Returns: (transfer full) (nullable): the due time in ISO 8601 in the incident's time zone,
 *   with its offset, e.g. "2026-05-14T23:59:59+09:00"; %NULL when there is none
 */
char *
desk_deadline_format_due (DeskDeadline *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 due_at;

  g_return_val_if_fail (DESK_IS_DEADLINE (self), NULL);

  if ((due_at = desk_deadline_get_due_at (self)) == 0)
    return NULL;

  zone = desk_time_zone_for (self->time_zone);
  return desk_time_format_iso_in_zone (due_at, zone);
}

/**
 * desk_deadline_compare:
 * @a: (type DeskDeadline*): a pointer to a deadline, as g_ptr_array_sort() passes them
 *
 * The "due next" order: by due time, deadlines without one last; at the same time, obligations
 * before notices, then by title.
 */
int
desk_deadline_compare (gconstpointer a,
                       gconstpointer b)
{
  DeskDeadline *da = *(DeskDeadline **) a;
  DeskDeadline *db = *(DeskDeadline **) b;
  gint64 ta = desk_deadline_get_due_at (da);
  gint64 tb = desk_deadline_get_due_at (db);

  if (ta != tb)
    return ta == 0 ? 1 : tb == 0 ? -1 : ta < tb ? -1 : 1;
  if (da->kind != db->kind)
    return da->kind < db->kind ? -1 : 1;

  return g_utf8_collate (da->title, db->title);
}

/* }}} */
/* DeskNoticeProgress {{{ */

DeskNoticeProgress *
desk_notice_progress_new (void)
{
  DeskNoticeProgress *self = g_new0 (DeskNoticeProgress, 1);

  self->sent_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->acknowledged_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

DeskNoticeProgress *
desk_notice_progress_copy (const DeskNoticeProgress *self)
{
  DeskNoticeProgress *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (DeskNoticeProgress, 1);
  copy->to_notify = self->to_notify;
  copy->sent_at = g_array_copy (self->sent_at);
  copy->acknowledged_at = g_array_copy (self->acknowledged_at);
  return copy;
}

void
desk_notice_progress_free (DeskNoticeProgress *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->sent_at);
  g_array_unref (self->acknowledged_at);
  g_free (self);
}

/* }}} */
/* DeskReminder {{{ */

static void
desk_reminder_finalize (GObject *object)
{
  DeskReminder *self = DESK_REMINDER (object);

  g_clear_object (&self->deadline);

  G_OBJECT_CLASS (desk_reminder_parent_class)->finalize (object);
}

static void
desk_reminder_class_init (DeskReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_reminder_finalize;
}

static void
desk_reminder_init (DeskReminder *self)
{
}

/* Due soon, or overdue. */
DeskReminderKind
desk_reminder_get_kind (DeskReminder *self)
{
  g_return_val_if_fail (DESK_IS_REMINDER (self), DESK_REMINDER_DUE_SOON);

  return self->kind;
}

/* Returns: (transfer none): what the reminder is about */
DeskDeadline *
desk_reminder_get_deadline (DeskReminder *self)
{
  g_return_val_if_fail (DESK_IS_REMINDER (self), NULL);

  return self->deadline;
}

/**
 * desk_deadline_select_reminders:
 * @deadlines: (element-type DeskDeadline): the deadlines
 * @now: the current time
 * @lead_hours: how long before a deadline it is due soon
 * @sent: tells which reminders were sent already
 *
 * Which reminders to send at @now: a deadline not done gets one when it comes within
 * @lead_hours of its due time and one when that has passed, each once for a due time (a moved
 * deadline starts again). A deadline already overdue when first seen gets only the second.
 *
 * Returns: (transfer full) (element-type DeskReminder): the reminders, in @deadlines' order
 */
GPtrArray *
desk_deadline_select_reminders (GPtrArray            *deadlines,
                                gint64                now,
                                guint                 lead_hours,
                                DeskReminderSentFunc  sent,
                                gpointer              user_data)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (deadlines != NULL, reminders);
  g_return_val_if_fail (sent != NULL, reminders);

  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      gint64 due_at = desk_deadline_get_due_at (deadline);
      DeskReminderKind kind;
      DeskReminder *reminder;

      if (due_at == 0 || desk_deadline_is_done (deadline))
        continue;

      if (now > due_at)
        kind = DESK_REMINDER_OVERDUE;
      else if (now >= due_at - lead_hours * SECONDS_PER_HOUR)
        kind = DESK_REMINDER_DUE_SOON;
      else
        continue;

      if (sent (deadline, kind, user_data))
        continue;

      reminder = g_object_new (DESK_TYPE_REMINDER, NULL);
      reminder->kind = kind;
      reminder->deadline = g_object_ref (deadline);
      g_ptr_array_add (reminders, reminder);
    }

  return reminders;
}

/* }}} */
