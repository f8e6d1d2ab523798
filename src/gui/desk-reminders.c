/* desk-reminders.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskReminders tells, while the application runs, when an obligation or a notice comes within
 * the lead time of its deadline (the "reminder-lead-hours" setting) and when its deadline
 * passes. It asks the store which reminders are due now (desk_store_take_reminders(), which
 * remembers each as sent, once per threshold, across restarts) on a timer and whenever asked to
 * check, e.g. after the data changed, and hands each on with the "send" signal: the application
 * makes it a desktop notification whose click opens the incident (app.show-incident).
 *
 * Customers' notices come by the hundred: those of one incident that reach a threshold in the
 * same check make one reminder, counted, not a hundred. */

#define G_LOG_DOMAIN "desk-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-deadline-text.h"
#include "desk-reminders.h"

/* How often the deadlines are checked: a reminder may come this late, no later. */
#define CHECK_SECONDS 60

struct _DeskReminders
{
  GObject       parent_instance;

  /* Owned */
  DeskStore    *store;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         timer_id;

  gboolean      checking;
  gboolean      check_again;   /* asked while a check ran */
};

G_DEFINE_FINAL_TYPE (DeskReminders, desk_reminders, G_TYPE_OBJECT)

enum {
  SEND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reminders of customers' notices of one incident that reached the same threshold together. */
typedef struct
{
  DeskReminderKind  kind;
  gint64            incident_id;
  GPtrArray        *reminders;   /* DeskReminder, in due order */
} Group;

static void run_check (DeskReminders *self);

/* Helpers {{{ */

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->reminders);
  g_free (group);
}

static gboolean
is_customer_notice (DeskDeadline *deadline)
{
  return desk_deadline_get_kind (deadline) == DESK_DEADLINE_KIND_NOTICE
         && desk_record_get_enum (desk_deadline_get_record (deadline), "recipient")
            == DESK_RECIPIENT_CUSTOMER;
}

/* Returns: (transfer full) (element-type Group): @reminders, a group each, but for customers'
 *   notices of one incident and threshold, which share one */
static GPtrArray *
group_reminders (GPtrArray *reminders)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  for (guint i = 0; i < reminders->len; i++)
    {
      DeskReminder *reminder = g_ptr_array_index (reminders, i);
      DeskDeadline *deadline = desk_reminder_get_deadline (reminder);
      Group *group = NULL;

      for (guint j = 0; j < groups->len && is_customer_notice (deadline); j++)
        {
          Group *other = g_ptr_array_index (groups, j);
          DeskDeadline *first = desk_reminder_get_deadline (g_ptr_array_index (other->reminders, 0));

          if (other->kind == desk_reminder_get_kind (reminder) && is_customer_notice (first)
              && other->incident_id == desk_deadline_get_incident_id (deadline))
            group = other;
        }

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->kind = desk_reminder_get_kind (reminder);
          group->incident_id = desk_deadline_get_incident_id (deadline);
          group->reminders = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (groups, group);
        }

      g_ptr_array_add (group->reminders, g_object_ref (reminder));
    }

  return groups;
}

/* What the reminder of @group says, in its title and its body. */
static void
describe_group (Group   *group,
                gint64   now,
                char   **title,
                char   **body)
{
  DeskDeadline *first = desk_reminder_get_deadline (g_ptr_array_index (group->reminders, 0));
  gint64 due_at = desk_deadline_get_due_at (first);
  g_autofree char *due = desk_format_due_time (due_at, desk_deadline_get_time_zone (first));
  g_autofree char *countdown = desk_format_countdown (due_at, now);
  g_autofree char *what = NULL;
  guint n = group->reminders->len;

  if (n > 1)
    /* Translators: what a reminder is about: the notices of many customers, e.g. "14 customer
     * notices" */
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer notice",
                                         "%u customer notices", n), n);
  else
    what = g_strdup (desk_deadline_get_title (first));

  if (group->kind == DESK_REMINDER_OVERDUE)
    {
      /* Translators: a reminder's title, e.g. "Overdue: GDPR (EU): Notification of the breach" */
      *title = g_strdup_printf (_("Overdue: %s"), what);
      /* Translators: a reminder's body: the incident and the deadline that passed, e.g.
       * "Webmail intrusion · was due 18 Apr 2026, 14:00 JST" */
      *body = g_strdup_printf (n > 1 ? _("%s · the first was due %s") : _("%s · was due %s"),
                               desk_deadline_get_incident_title (first), due);
    }
  else
    {
      /* Translators: a reminder's title, e.g. "Due in 5 h: GDPR (EU): Notification of the
       * breach"; the first %s is a countdown such as "in 5 h" */
      *title = g_strdup_printf (_("Due %s: %s"), countdown, what);
      /* Translators: a reminder's body: the incident and the deadline, e.g. "Webmail
       * intrusion · due 18 Apr 2026, 14:00 JST" */
      *body = g_strdup_printf (n > 1 ? _("%s · the first due %s") : _("%s · due %s"),
                               desk_deadline_get_incident_title (first), due);
    }
}

/* A notification's id: a later reminder of the same replaces it rather than pile up. */
static char *
group_id (Group *group)
{
  DeskDeadline *first = desk_reminder_get_deadline (g_ptr_array_index (group->reminders, 0));

  if (group->reminders->len > 1)
    return g_strdup_printf ("customers-%lld", (long long) group->incident_id);

  return g_strdup_printf ("deadline-%s", desk_record_get_uuid (desk_deadline_get_record (first)));
}

static gboolean
check_cb (gpointer user_data)
{
  desk_reminders_check (user_data);
  return G_SOURCE_CONTINUE;
}

/* }}} */
/* Checking {{{ */

typedef struct
{
  DeskReminders *self;
  GPtrArray     *groups;   /* Group */
} Sending;

static void
sending_free (Sending *sending)
{
  g_object_unref (sending->self);
  g_ptr_array_unref (sending->groups);
  g_free (sending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sending, sending_free)

static void
finish_check (DeskReminders *self)
{
  self->checking = FALSE;

  if (self->check_again)
    {
      self->check_again = FALSE;
      run_check (self);
    }
}

/* The incidents' UUIDs came: the reminders go, each opening its incident when clicked. */
static void
on_incidents_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Sending) sending = user_data;
  DeskReminders *self = sending->self;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = desk_store_now (self->store);

  incidents = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (incidents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the incidents of the reminders: %s", error->message);
      finish_check (self);
      return;
    }

  for (guint i = 0; i < sending->groups->len; i++)
    {
      Group *group = g_ptr_array_index (sending->groups, i);
      g_autofree char *id = group_id (group);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      const char *uuid = NULL;

      for (guint j = 0; j < incidents->len && uuid == NULL; j++)
        if (desk_record_get_id (g_ptr_array_index (incidents, j)) == group->incident_id)
          uuid = desk_record_get_uuid (g_ptr_array_index (incidents, j));

      describe_group (group, now, &title, &body);
      g_signal_emit (self, signals[SEND], 0, id, title, body, uuid,
                     group->kind == DESK_REMINDER_OVERDUE);
    }

  finish_check (self);
}

static void
on_reminders_taken_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskReminders) self = user_data;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  Sending *sending;

  reminders = desk_store_take_reminders_finish (DESK_STORE (object), result, &error);
  if (reminders == NULL || reminders->len == 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not check the deadlines for reminders: %s", error->message);
      finish_check (self);
      return;
    }

  sending = g_new0 (Sending, 1);
  sending->self = g_object_ref (self);
  sending->groups = group_reminders (reminders);
  desk_store_list_async (self->store, DESK_TYPE_INCIDENT, NULL, 0, self->cancellable,
                         on_incidents_listed_cb, sending);
}

static void
run_check (DeskReminders *self)
{
  self->checking = TRUE;
  desk_store_take_reminders_async (self->store,
                                   g_settings_get_uint (self->settings, "reminder-lead-hours"),
                                   self->cancellable, on_reminders_taken_cb,
                                   g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
desk_reminders_dispose (GObject *object)
{
  DeskReminders *self = DESK_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (desk_reminders_parent_class)->dispose (object);
}

static void
desk_reminders_class_init (DeskRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_reminders_dispose;

  /**
   * DeskReminders::send:
   * @id: the reminder's id: a later one with the same id replaces it
   * @title: what it says first, e.g. "Overdue: GDPR (EU): Notification of the breach"
   * @body: the incident and the due time
   * @incident_uuid: (nullable): the incident to open when it is clicked
   * @urgent: whether a deadline passed, rather than comes near
   *
   * A reminder to show now.
   */
  signals[SEND] = g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 5,
                                G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                                G_TYPE_BOOLEAN);
}

static void
desk_reminders_init (DeskReminders *self)
{
  self->cancellable = g_cancellable_new ();
}

/* }}} */
/* Public API {{{ */

/**
 * desk_reminders_new:
 * @settings: the application's settings, for "reminder-lead-hours"
 *
 * Returns: (transfer full): reminders of @store's deadlines, checked now and every minute
 */
DeskReminders *
desk_reminders_new (DeskStore *store,
                    GSettings *settings)
{
  DeskReminders *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DESK_TYPE_REMINDERS, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_swapped (settings, "changed::reminder-lead-hours",
                            G_CALLBACK (desk_reminders_check), self);
  self->timer_id = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);

  desk_reminders_check (self);
  return self;
}

/* Checks the deadlines now, e.g. after the data changed; once the check under way is done. */
void
desk_reminders_check (DeskReminders *self)
{
  g_return_if_fail (DESK_IS_REMINDERS (self));

  if (self->checking)
    self->check_again = TRUE;
  else
    run_check (self);
}

/* Whether a check is under way: tests wait for it. */
gboolean
desk_reminders_is_checking (DeskReminders *self)
{
  g_return_val_if_fail (DESK_IS_REMINDERS (self), FALSE);

  return self->checking;
}

/**
 * desk_reminders_create_notification:
 * @incident_uuid: (nullable): the incident to open when the notification is clicked
 * @urgent: whether a deadline passed
 *
 * Returns: (transfer full): the desktop notification of a reminder (see #DeskReminders::send)
 */
GNotification *
desk_reminders_create_notification (const char *title,
                                    const char *body,
                                    const char *incident_uuid,
                                    gboolean    urgent)
{
  GNotification *notification = g_notification_new (title);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, urgent ? G_NOTIFICATION_PRIORITY_HIGH
                                                     : G_NOTIFICATION_PRIORITY_NORMAL);
  if (incident_uuid != NULL)
    g_notification_set_default_action_and_target (notification, "app.show-incident", "s",
                                                   incident_uuid);

  return notification;
}

/* }}} */
