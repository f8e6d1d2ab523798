/* desk-notice-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskNoticeDialog edits one notice: a customer's row in the ledger (its channel, status and
 * note), or a notice to a regulator or the public, which it can also add.
 *
 * A status change goes through desk_store_set_notification_status_async(), so that the store
 * stamps when the notice was first sent or acknowledged and who changed it; the other fields are
 * saved as they are. Like the customer dialog it works on a copy and assigns it back once
 * stored. */

#define G_LOG_DOMAIN "desk-notice-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-dialog-utils.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-notice-dialog-private.h"

struct _DeskNoticeDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *recipient_group;
  AdwComboRow         *recipient_row;
  AdwEntryRow         *recipient_name_row;
  AdwComboRow         *channel_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *note_row;
  GtkWidget           *record_group;
  AdwActionRow        *due_row;
  AdwActionRow        *sent_row;
  AdwActionRow        *acknowledged_row;
  AdwActionRow        *actor_row;
  GtkWidget           *remove_button;

  /* Owned */
  DeskStore           *store;
  DeskIncident        *incident;
  DeskNotification    *notice;   /* the one edited; NULL when adding */
  DeskNotification    *copy;     /* what is being saved */

  gboolean             saving;
};

G_DEFINE_FINAL_TYPE (DeskNoticeDialog, desk_notice_dialog, ADW_TYPE_WINDOW)

static guint signals[DESK_DIALOG_N_SIGNALS];

/* Helpers {{{ */

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) when = NULL;

  if (seconds == 0)
    return g_strdup (C_("time", "Not yet"));

  when = g_date_time_new_from_unix_local (seconds);
  /* Translators: a day and time, as in "14 Apr 2026, 09:30"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %b %Y, %H:%M"));
}

static gboolean
is_customer_notice (DeskNoticeDialog *self)
{
  return self->notice != NULL
         && desk_record_get_enum (DESK_RECORD (self->notice), "recipient")
            == DESK_RECIPIENT_CUSTOMER;
}

static DeskRecipient
get_recipient (DeskNoticeDialog *self)
{
  return DESK_RECIPIENT_REGULATOR + adw_combo_row_get_selected (self->recipient_row);
}

static void
update_actions (DeskNoticeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.save", !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.remove",
                                 !self->saving && self->notice != NULL
                                 && !is_customer_notice (self));
}

static void
fill_form (DeskNoticeDialog *self,
           const char       *customer_name)
{
  DeskRecord *notice = DESK_RECORD (self->notice);
  g_autofree char *due = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *acknowledged = NULL;
  const char *actor;

  if (notice == NULL)
    {
      desk_dialog_set_title (GTK_WINDOW (self), self->window_title, self->save_button,
                             _("Add Notice"), TRUE);
      adw_combo_row_set_selected (self->recipient_row, 0);
      adw_combo_row_set_selected (self->channel_row, DESK_CHANNEL_REGULATOR_FILING);
      adw_combo_row_set_selected (self->status_row, DESK_NOTIFICATION_STATUS_NOT_STARTED);
      return;
    }

  desk_dialog_set_title (GTK_WINDOW (self), self->window_title, self->save_button,
                         _("Edit Notice"), FALSE);

  if (is_customer_notice (self))
    {
      adw_window_title_set_subtitle (self->window_title, customer_name);
      gtk_widget_set_visible (self->recipient_group, FALSE);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title,
                                     desk_record_get_string (notice, "recipient-name"));
      adw_combo_row_set_selected (self->recipient_row,
                                  MAX (desk_record_get_enum (notice, "recipient"),
                                       DESK_RECIPIENT_REGULATOR) - DESK_RECIPIENT_REGULATOR);
      gtk_editable_set_text (GTK_EDITABLE (self->recipient_name_row),
                             desk_record_get_string (notice, "recipient-name") ?: "");
      gtk_widget_set_visible (self->remove_button, TRUE);
    }

  adw_combo_row_set_selected (self->channel_row, desk_record_get_enum (notice, "channel"));
  adw_combo_row_set_selected (self->status_row, desk_record_get_enum (notice, "status"));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         desk_record_get_string (notice, "note") ?: "");

  due = desk_record_get_int (notice, "due-at") != 0
        ? format_time (desk_record_get_int (notice, "due-at"))
        : g_strdup (_("No contractual deadline"));
  adw_action_row_set_subtitle (self->due_row, due);
  sent = format_time (desk_record_get_int (notice, "sent-at"));
  acknowledged = format_time (desk_record_get_int (notice, "acknowledged-at"));
  actor = desk_record_get_string (notice, "actor");
  adw_action_row_set_subtitle (self->sent_row, sent);
  adw_action_row_set_subtitle (self->acknowledged_row, acknowledged);
  adw_action_row_set_subtitle (self->actor_row,
                               actor && *actor ? actor : C_("person", "Nobody yet"));
  gtk_widget_set_visible (self->record_group, TRUE);
}

static void
finish_saving (DeskNoticeDialog *self)
{
  self->saving = FALSE;
  update_actions (self);
}

/* }}} */
/* Saving {{{ */

/* Whether saving goes on after a step: not if the dialog went away meanwhile (its parent closed),
 * nor if the step failed, which a toast tells as @failure. */
static gboolean
step_succeeded (DeskNoticeDialog *self,
                gboolean          ok,
                const GError     *error,
                const char       *failure)
{
  if (self->store == NULL)
    return FALSE;

  if (ok)
    return TRUE;

  finish_saving (self);
  desk_show_error (GTK_WIDGET (self), failure, error);
  return FALSE;
}

static void
finish_saved (DeskNoticeDialog *self)
{
  if (self->notice != NULL)
    desk_record_assign (DESK_RECORD (self->notice), DESK_RECORD (self->copy));
  else
    self->notice = g_object_ref (self->copy);

  self->saving = FALSE;
  desk_dialog_close_saved (GTK_WINDOW (self), signals[DESK_DIALOG_SAVED]);
}

static void
on_status_set_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DeskNoticeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = desk_store_set_notification_status_finish (DESK_STORE (object), result, &error);

  if (step_succeeded (self, ok, error, _("Could not change the notice’s status")))
    finish_saved (self);
}

static void
on_notice_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskNoticeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = desk_store_save_finish (DESK_STORE (object), result, &error);
  DeskNotificationStatus status;

  if (!step_succeeded (self, ok, error, _("Could not save the notice")))
    return;

  status = adw_combo_row_get_selected (self->status_row);
  if (status != (DeskNotificationStatus) desk_record_get_enum (DESK_RECORD (self->copy), "status"))
    {
      g_autoptr(GPtrArray) notices = g_ptr_array_new ();

      g_ptr_array_add (notices, self->copy);
      desk_store_set_notification_status_async (self->store, notices, status, NULL,
                                                on_status_set_cb, g_object_ref (self));
      return;
    }

  finish_saved (self);
}

static void
desk_notice_dialog_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DeskNoticeDialog *self = DESK_NOTICE_DIALOG (widget);
  DeskRecord *copy;

  if (self->saving)
    return;

  /* A retry after a failed status change saves the copy stored by the first attempt again. */
  if (self->copy == NULL)
    {
      if (self->notice != NULL)
        self->copy = DESK_NOTIFICATION (desk_record_copy (DESK_RECORD (self->notice)));
      else
        self->copy = desk_notification_new (self->incident, NULL);
    }
  copy = DESK_RECORD (self->copy);

  if (!is_customer_notice (self))
    {
      desk_record_set_enum (copy, "recipient", get_recipient (self));
      desk_record_set_string (copy, "recipient-name",
                              gtk_editable_get_text (GTK_EDITABLE (self->recipient_name_row)));
    }
  desk_record_set_enum (copy, "channel", adw_combo_row_get_selected (self->channel_row));
  desk_record_set_string (copy, "note", gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  self->saving = TRUE;
  update_actions (self);

  desk_store_save_async (self->store, copy, NULL, on_notice_saved_cb, g_object_ref (self));
}

static void
desk_notice_dialog_remove_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DeskNoticeDialog *self = DESK_NOTICE_DIALOG (widget);

  desk_dialog_request_removal (GTK_WINDOW (self), signals[DESK_DIALOG_REMOVE_REQUESTED],
                               self->notice);
}

/* }}} */
/* Callbacks {{{ */

/* A new notice to the public goes out as a press release, one to a regulator as a filing, unless
 * the person picked another channel. */
static void
on_recipient_changed_cb (DeskNoticeDialog *self)
{
  DeskChannel channel = adw_combo_row_get_selected (self->channel_row);

  if (self->notice != NULL)
    return;

  if (get_recipient (self) == DESK_RECIPIENT_PUBLIC && channel == DESK_CHANNEL_REGULATOR_FILING)
    adw_combo_row_set_selected (self->channel_row, DESK_CHANNEL_PRESS_RELEASE);
  else if (get_recipient (self) == DESK_RECIPIENT_REGULATOR
           && channel == DESK_CHANNEL_PRESS_RELEASE)
    adw_combo_row_set_selected (self->channel_row, DESK_CHANNEL_REGULATOR_FILING);
}

/* }}} */
/* GObject {{{ */

static gboolean
desk_notice_dialog_close_request (GtkWindow *window)
{
  return desk_dialog_close_request (window, DESK_NOTICE_DIALOG (window)->saving);
}

static void
desk_notice_dialog_dispose (GObject *object)
{
  DeskNoticeDialog *self = DESK_NOTICE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_NOTICE_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_object (&self->notice);
  g_clear_object (&self->copy);

  G_OBJECT_CLASS (desk_notice_dialog_parent_class)->dispose (object);
}

static void
desk_notice_dialog_class_init (DeskNoticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_notice_dialog_dispose;
  window_class->close_request = desk_notice_dialog_close_request;

  /**
   * DeskNoticeDialog::saved:
   *
   * The notice is stored; desk_notice_dialog_get_notice() returns it. The dialog closes.
   */
  /**
   * DeskNoticeDialog::remove-requested:
   * @notice: the notice
   *
   * The person asked to remove the notice; the dialog has closed, and the receiver confirms and
   * removes.
   */
  desk_dialog_class_setup (widget_class, RESOURCE_BASE "/ui/desk-notice-dialog.ui",
                           DESK_TYPE_NOTIFICATION, signals);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, recipient_group);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, recipient_name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, record_group);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, sent_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, acknowledged_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, actor_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_recipient_changed_cb);

  gtk_widget_class_install_action (widget_class, "notice.save", NULL,
                                   desk_notice_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "notice.remove", NULL,
                                   desk_notice_dialog_remove_action);
}

static void
desk_notice_dialog_init (DeskNoticeDialog *self)
{
  g_autoptr(GListModel) recipients = NULL;
  g_autoptr(GListModel) channels = NULL;
  g_autoptr(GListModel) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  /* Customers have their notices through the ledger: a notice added here is to a regulator or
   * the public. */
  recipients = desk_dialog_label_model ((DeskLabelFunc) desk_recipient_label,
                                        DESK_RECIPIENT_REGULATOR, 2);
  adw_combo_row_set_model (self->recipient_row, recipients);
  channels = desk_dialog_label_model ((DeskLabelFunc) desk_channel_label, 0, DESK_N_CHANNELS);
  adw_combo_row_set_model (self->channel_row, channels);
  statuses = desk_dialog_label_model ((DeskLabelFunc) desk_notification_status_label, 0,
                                      DESK_N_NOTIFICATION_STATUSES);
  adw_combo_row_set_model (self->status_row, statuses);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_notice_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @notice: (nullable): the notice to edit, or %NULL to add one to a regulator or the public
 * @customer_name: (nullable): the customer a ledger row is for, shown as the subtitle
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows; present it
 */
DeskNoticeDialog *
desk_notice_dialog_new (GtkWindow        *parent,
                        DeskStore        *store,
                        DeskIncident     *incident,
                        DeskNotification *notice,
                        const char       *customer_name)
{
  DeskNoticeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (notice == NULL || DESK_IS_NOTIFICATION (notice), NULL);

  self = g_object_new (DESK_TYPE_NOTICE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->notice = notice ? g_object_ref (notice) : NULL;

  fill_form (self, customer_name);
  update_actions (self);

  return self;
}

/* Returns: (nullable) (transfer none): the notice edited, or the one added once saved */
DeskNotification *
desk_notice_dialog_get_notice (DeskNoticeDialog *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE_DIALOG (self), NULL);

  return self->notice;
}

/* }}} */
/* For tests {{{ */

void
_desk_notice_dialog_set_values (DeskNoticeDialog       *self,
                                DeskRecipient           recipient,
                                const char             *recipient_name,
                                DeskChannel             channel,
                                DeskNotificationStatus  status,
                                const char             *note)
{
  if (recipient != DESK_RECIPIENT_CUSTOMER)
    adw_combo_row_set_selected (self->recipient_row, recipient - DESK_RECIPIENT_REGULATOR);
  if (recipient_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->recipient_name_row), recipient_name);
  adw_combo_row_set_selected (self->channel_row, channel);
  adw_combo_row_set_selected (self->status_row, status);
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), note);
}

/* }}} */
