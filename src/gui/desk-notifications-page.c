/* desk-notifications-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskNotificationsPage shows who has been told about an incident: the overall progress and its
 * breakdown by status and by channel (from the store's SQL aggregates, in DeskNoticeBreakdowns),
 * the notices to a regulator or the public (DeskRegulatorNotices), and the ledger, one row per
 * affected customer, in a DeskCustomerListView with multiple selection so that many rows change
 * status at once.
 *
 * Status changes go through desk_store_set_notification_status_async(), which stamps each
 * notice with who changed it and when it was first sent or acknowledged. */

#define G_LOG_DOMAIN "desk-notifications-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-chart-view.h"
#include "desk-customer-columns.h"
#include "desk-customer-list-view-private.h"
#include "desk-due-list.h"
#include "desk-folding-row.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-notice-breakdown.h"
#include "desk-notice-dialog.h"
#include "desk-notice-status.h"
#include "desk-page-utils.h"
#include "desk-regulator-notices.h"
#include "desk-report-button.h"
#include "desk-snug-bin.h"
#include "desk-time.h"
#include "desk-notifications-page-private.h"

struct _DeskNotificationsPage
{
  DeskIncidentPage      parent_instance;

  /* Template widgets */
  GtkStack             *stack;        /* the child, not bound: see the template */
  GtkLabel             *progress_label;
  GtkLabel             *percent_label;
  GtkProgressBar       *progress_bar;
  DeskNoticeBreakdown  *status_breakdown;
  DeskNoticeBreakdown  *channel_breakdown;
  DeskRegulatorNotices *regulator_notices;
  DeskDueList          *due_list;
  DeskChartView        *progress_chart;
  DeskCustomerListView *list_view;
  GtkMenuButton        *status_button;

  /* Owned */
  DeskStats            *stats;
  guint                 deadlines_serial;

  gboolean              notices_loaded;
};

G_DEFINE_FINAL_TYPE (DeskNotificationsPage, desk_notifications_page, DESK_TYPE_INCIDENT_PAGE)

/* Helpers {{{ */

static GtkWindow *
get_parent_window (DeskNotificationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gint64
count_notices (const DeskStats *stats)
{
  gint64 total = 0;

  for (guint i = 0; i < DESK_N_NOTIFICATION_STATUSES; i++)
    total += stats->notifications[i];

  return total;
}

static void
update_selection_actions (DeskNotificationsPage *self)
{
  guint n_items = desk_customer_list_view_get_n_items (self->list_view);
  guint n_selected = desk_customer_list_view_get_n_selected (self->list_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.set-status", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.select-all",
                                 n_items > 0 && n_selected < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.unselect-all", n_selected > 0);
}

static void
update_state (DeskNotificationsPage *self)
{
  gboolean has_incident = desk_incident_page_get_incident (DESK_INCIDENT_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.add-notice", has_incident);
  update_selection_actions (self);

  if (!desk_customer_list_view_is_loaded (self->list_view) || !self->notices_loaded
      || self->stats == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (count_notices (self->stats) == 0
           && desk_customer_list_view_get_n_items (self->list_view) == 0
           && !desk_customer_list_view_is_filtered (self->list_view))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "notices");
}

/* }}} */
/* Figures {{{ */

static void
show_stats (DeskNotificationsPage *self)
{
  const DeskStats *stats = self->stats;
  g_autofree char *notified = desk_format_count (stats->customers_notified);
  g_autofree char *to_notify = desk_format_count (stats->customers_to_notify);
  g_autofree char *progress = NULL;
  g_autofree char *percent = NULL;
  gint64 total = count_notices (stats);
  double fraction;

  fraction = stats->customers_to_notify > 0
             ? (double) stats->customers_notified / stats->customers_to_notify : 0;

  if (stats->customers_to_notify > 0)
    /* Translators: e.g. "412 of 586 contracts notified" */
    progress = g_strdup_printf (ngettext ("%s of %s contract notified",
                                          "%s of %s contracts notified",
                                          stats->customers_to_notify),
                                notified, to_notify);
  else
    progress = g_strdup (_("No customers to notify"));
  /* Translators: a percentage, e.g. "70 %" */
  percent = g_strdup_printf (_("%d %%"), (int) (fraction * 100));
  gtk_label_set_label (self->progress_label, progress);
  gtk_label_set_label (self->percent_label, percent);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_label), stats->customers_to_notify > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), stats->customers_to_notify > 0);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);

  /* Every status, in the ledger's order */
  desk_notice_breakdown_remove_all (self->status_breakdown);
  for (DeskNotificationStatus status = 0; status < DESK_N_NOTIFICATION_STATUSES; status++)
    {
      g_autofree char *count = desk_format_count (stats->notifications[status]);

      desk_notice_breakdown_add_row (self->status_breakdown,
                                     desk_notification_status_label (status), count,
                                     total > 0 ? (double) stats->notifications[status] / total : 0,
                                     desk_notice_status_css_class (status));
    }

  /* Only the channels in use */
  desk_notice_breakdown_remove_all (self->channel_breakdown);
  for (guint channel = 0; channel < DESK_N_CHANNELS; channel++)
    {
      g_autofree char *channel_notified = NULL;
      g_autofree char *channel_to_notify = NULL;
      g_autofree char *value = NULL;
      gint64 of = stats->channel_to_notify[channel];

      if (of == 0 && stats->channel_notified[channel] == 0)
        continue;

      channel_notified = desk_format_count (stats->channel_notified[channel]);
      channel_to_notify = desk_format_count (of);
      /* Translators: customers notified of those to notify through a channel, e.g. "210 of 270" */
      value = g_strdup_printf (_("%s of %s"), channel_notified, channel_to_notify);
      desk_notice_breakdown_add_row (self->channel_breakdown, desk_channel_label (channel), value,
                                     of > 0 ? (double) stats->channel_notified[channel] / of : 0,
                                     "notice-notified");
    }
}

static void
on_stats_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskNotificationsPage) self = user_data;
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = desk_store_get_stats_finish (DESK_STORE (object), result, &error);
  if (stats == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not count the notices"), error);
      stats = desk_stats_new ();
    }

  g_clear_pointer (&self->stats, desk_stats_free);
  self->stats = g_steal_pointer (&stats);
  show_stats (self);
  update_state (self);

  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

static void
load_stats (DeskNotificationsPage *self)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);

  desk_incident_page_begin_loading (page);
  desk_store_get_stats_async (desk_incident_page_get_store (page),
                              desk_incident_page_get_incident_id (page),
                              desk_incident_page_get_cancellable (page),
                              on_stats_loaded_cb,
                              g_object_ref (self));
}

/* }}} */
/* Notices to a regulator or the public {{{ */

static void
on_notices_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DeskNotificationsPage) self = user_data;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  notices = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (notices == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not read the notices"), error);
    }

  desk_regulator_notices_set_notices (self->regulator_notices, notices);
  self->notices_loaded = TRUE;
  update_state (self);

  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

static void
load_notices (DeskNotificationsPage *self)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);

  desk_incident_page_begin_loading (page);
  desk_store_list_async (desk_incident_page_get_store (page), DESK_TYPE_NOTIFICATION,
                         "incident-id", desk_incident_page_get_incident_id (page),
                         desk_incident_page_get_cancellable (page),
                         on_notices_loaded_cb,
                         g_object_ref (self));
}

/* }}} */
/* Deadlines and progress {{{ */

static void
on_progress_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (request->page);
  DeskStore *store = DESK_STORE (object);
  g_autoptr(DeskNoticeProgress) progress = NULL;
  g_autoptr(GError) error = NULL;

  progress = desk_store_get_notice_progress_finish (store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (progress == NULL)
    desk_show_error (GTK_WIDGET (self), _("Could not read the progress of the notices"), error);
  else if (request->serial == self->deadlines_serial && request->records != NULL)
    {
      DeskRecord *incident = DESK_RECORD (desk_incident_page_get_incident (request->page));
      g_autoptr(GTimeZone) zone = NULL;
      g_autoptr(DeskChart) chart = NULL;

      zone = desk_time_zone_for (incident ? desk_record_get_string (incident, "time-zone")
                                          : NULL);
      chart = desk_chart_new_notice_progress (progress, request->records, zone,
                                              desk_store_now (store));
      desk_chart_view_set_chart (self->progress_chart, chart);
    }

  desk_page_request_end (request);
}

static void
on_deadlines_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (request->page);
  DeskStore *store = DESK_STORE (object);
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  DeskPageRequest *progress_request;

  deadlines = desk_store_list_deadlines_finish (store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (deadlines == NULL)
    desk_show_error (GTK_WIDGET (self), _("Could not read the deadlines"), error);
  else if (request->serial == self->deadlines_serial)
    {
      desk_due_list_set_deadlines (self->due_list, store, deadlines);

      /* The chart draws the deadlines over the progress, which it reads next. */
      progress_request = desk_page_request_begin (self);
      progress_request->serial = request->serial;
      progress_request->records = g_ptr_array_ref (deadlines);
      desk_store_get_notice_progress_async (store, desk_incident_page_get_incident_id (request->page),
                                            desk_incident_page_get_cancellable (request->page),
                                            on_progress_loaded_cb, progress_request);
    }

  desk_page_request_end (request);
}

/* Another incident's, or none: nothing of the previous one shows while the new one's load. */
static void
clear_deadlines (DeskNotificationsPage *self)
{
  desk_due_list_set_deadlines (self->due_list, NULL, NULL);
  desk_chart_view_set_chart (self->progress_chart, NULL);
}

static void
load_deadlines (DeskNotificationsPage *self)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskPageRequest *request = desk_page_request_begin (self);

  request->serial = ++self->deadlines_serial;
  desk_store_list_deadlines_async (desk_incident_page_get_store (page),
                                   desk_incident_page_get_incident_id (page),
                                   desk_incident_page_get_cancellable (page),
                                   on_deadlines_loaded_cb, request);
}

/* }}} */
/* Ledger {{{ */

/* Returns: (transfer full) (element-type DeskNotification): the notices of the selected rows */
static GPtrArray *
get_selected_notices (DeskNotificationsPage *self)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func (g_object_unref);
  GtkSelectionModel *selection = desk_customer_list_view_get_selection (self->list_view);
  GListModel *list = G_LIST_MODEL (desk_customer_list_view_get_list (self->list_view));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (selection == NULL)
    return notices;

  selected = gtk_selection_model_get_selection (selection);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DeskCustomerRow) row = g_list_model_get_item (list, position);
      DeskNotification *notice = row ? desk_customer_row_get_notification (row) : NULL;

      if (notice != NULL)
        g_ptr_array_add (notices, g_object_ref (notice));
    }

  return notices;
}

/* }}} */
/* Changing statuses {{{ */

typedef struct
{
  DeskNotificationsPage  *page;
  DeskNotificationStatus  status;
  guint                   n_notices;
  guint                   n_kept;     /* selected, but further along than status */
} StatusChange;

static void
status_change_free (StatusChange *change)
{
  g_clear_object (&change->page);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StatusChange, status_change_free)

static void
reload_all (DeskNotificationsPage *self)
{
  if (desk_incident_page_get_store (DESK_INCIDENT_PAGE (self)) == NULL ||
      desk_incident_page_get_incident (DESK_INCIDENT_PAGE (self)) == NULL)
    return;

  desk_customer_list_view_reload (self->list_view);
  load_stats (self);
  load_notices (self);
  load_deadlines (self);
}

static void
show_status_toast (StatusChange *change)
{
  const char *label = desk_notification_status_label (change->status);
  g_autofree char *title = NULL;

  if (change->n_notices == 0)
    /* Translators: %s is a status, e.g. "No notice changed: those selected are past Sent" */
    title = g_markup_printf_escaped (_("No notice changed: those selected are past %s"), label);
  else if (change->n_kept == 0)
    /* Translators: e.g. "10 notices marked Sent" */
    title = g_markup_printf_escaped (ngettext ("%u notice marked %s", "%u notices marked %s",
                                               change->n_notices),
                                     change->n_notices, label);
  else
    {
      g_autofree char *kept = NULL;
      g_autofree char *changed = NULL;

      /* Translators: the first half of e.g. "7 notices marked Sent, 3 already further along" */
      changed = g_strdup_printf (ngettext ("%u notice marked %s", "%u notices marked %s",
                                           change->n_notices),
                                 change->n_notices, label);
      /* Translators: the second half of e.g. "7 notices marked Sent, 3 already further along" */
      kept = g_strdup_printf (ngettext ("%u already further along", "%u already further along",
                                        change->n_kept),
                              change->n_kept);
      /* Translators: joins the two halves of "7 notices marked Sent, 3 already further along" */
      title = g_markup_printf_escaped (_("%s, %s"), changed, kept);
    }

  desk_show_toast (GTK_WIDGET (change->page), title);
}

static void
on_status_set_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StatusChange) change = user_data;
  DeskNotificationsPage *self = change->page;
  g_autoptr(GError) error = NULL;

  if (!desk_store_set_notification_status_finish (DESK_STORE (object), result, &error))
    {
      desk_show_error (GTK_WIDGET (self), _("Could not change the notices’ status"), error);
      return;
    }

  show_status_toast (change);

  reload_all (self);
}

/* No cancellable: a change the person asked for completes even if the page moves on.
 *
 * With @keep_further, notices already past @status keep theirs: marking a range of the ledger
 * "Sent" must not take acknowledged notices back to "Sent". A single notice changes as asked. */
static void
set_status (DeskNotificationsPage  *self,
            GPtrArray              *notices,
            DeskNotificationStatus  status,
            gboolean                keep_further)
{
  g_autoptr(GPtrArray) changing = g_ptr_array_new_with_free_func (g_object_unref);
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  StatusChange *change;

  if (notices->len == 0)
    return;

  change = g_new0 (StatusChange, 1);
  change->page = g_object_ref (self);
  change->status = status;

  for (guint i = 0; i < notices->len; i++)
    {
      DeskRecord *notice = g_ptr_array_index (notices, i);
      DeskNotificationStatus current = desk_record_get_enum (notice, "status");

      if (keep_further && status != DESK_NOTIFICATION_STATUS_NOT_REQUIRED
          && desk_notice_status_rank (current) > desk_notice_status_rank (status))
        change->n_kept++;
      else
        g_ptr_array_add (changing, g_object_ref (notice));
    }
  change->n_notices = changing->len;

  if (changing->len == 0)
    {
      show_status_toast (change);
      status_change_free (change);
      return;
    }

  desk_store_set_notification_status_async (desk_incident_page_get_store (page), changing, status,
                                            NULL, on_status_set_cb, change);
}

/* }}} */
/* Dialogs and removal {{{ */

/* The whole page reads again after the removal and its undo: the figures and the ledger change
 * with the notice. */
static void
on_dialog_remove_requested_cb (DeskNotificationsPage *self,
                               DeskNotification      *notice)
{
  DeskPageRemoval *removal;

  removal = desk_page_removal_new (self, _("Notice removed"), _("Could not remove the notice"),
                                   _("Could not restore the notice"), NULL);
  desk_page_removal_add (removal, notice);
  desk_page_removal_confirm (removal, _("Remove Notice?"),
                             _("The notice and its record leave the incident."), _("_Remove"));
}

static void
on_dialog_saved_cb (DeskNotificationsPage *self,
                    DeskNoticeDialog      *dialog)
{
  reload_all (self);
}

static DeskNoticeDialog *
open_dialog (DeskNotificationsPage *self,
             DeskNotification      *notice,
             const char            *customer_name)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskNoticeDialog *dialog;

  if (desk_incident_page_get_store (page) == NULL || desk_incident_page_get_incident (page) == NULL)
    return NULL;

  dialog = desk_notice_dialog_new (get_parent_window (self),
                                   desk_incident_page_get_store (page),
                                   desk_incident_page_get_incident (page),
                                   notice, customer_name);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "remove-requested", G_CALLBACK (on_dialog_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static DeskNoticeDialog *
open_row_dialog (DeskNotificationsPage *self,
                 DeskCustomerRow       *row)
{
  DeskNotification *notice = desk_customer_row_get_notification (row);

  if (notice == NULL)
    return NULL;

  return open_dialog (self, notice,
                      desk_customer_get_display_name (desk_customer_row_get_customer (row)));
}

/* }}} */
/* Cells {{{ */

static char *
channel_cell (DeskCustomerRow  *row,
              const char      **css_class,
              gpointer          user_data)
{
  DeskRecord *notice = (DeskRecord *) desk_customer_row_get_notification (row);

  return notice ? g_strdup (desk_channel_label (desk_record_get_enum (notice, "channel"))) : NULL;
}

/* The contractual deadline, and whether it passed before the notice went out. */
static char *
due_cell (DeskCustomerRow  *row,
          const char      **css_class,
          gpointer          user_data)
{
  DeskNotificationsPage *self = user_data;
  DeskStore *store = desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
  DeskRecord *notice = (DeskRecord *) desk_customer_row_get_notification (row);
  g_autofree char *date = NULL;
  DeskNotificationStatus status;
  gint64 due_at, done_at;

  if (notice == NULL || (due_at = desk_record_get_int (notice, "due-at")) == 0)
    return NULL;

  date = desk_format_date (due_at);
  status = desk_record_get_enum (notice, "status");
  done_at = desk_record_get_int (notice, "sent-at");
  if (status == DESK_NOTIFICATION_STATUS_NOT_REQUIRED)
    return g_steal_pointer (&date);

  /* Overdue, in the colour that asks for action, while it is not sent; a notice sent after
   * the deadline keeps saying so, for the record, without alarming anyone. */
  if (done_at == 0 && store != NULL && desk_store_now (store) > due_at)
    {
      *css_class = "notice-overdue";
      /* Translators: a notice's deadline that passed and the notice is not sent,
       * e.g. "14 Apr 2026, overdue" */
      return g_strdup_printf (_("%s, overdue"), date);
    }
  if (done_at > due_at)
    /* Translators: a notice's deadline that passed before it was sent,
     * e.g. "14 Apr 2026, sent late" */
    return g_strdup_printf (_("%s, sent late"), date);

  return g_steal_pointer (&date);
}

/* }}} */
/* Callbacks {{{ */

static void
on_list_view_row_activated_cb (DeskNotificationsPage *self,
                               DeskCustomerRow       *row)
{
  open_row_dialog (self, row);
}

static void
on_list_view_selection_changed_cb (DeskNotificationsPage *self)
{
  update_selection_actions (self);
}

static void
on_list_view_loaded_cb (DeskNotificationsPage *self,
                        const GError          *error)
{
  if (error != NULL)
    desk_show_error (GTK_WIDGET (self), _("Could not read the ledger"), error);

  update_state (self);
}

static void
on_regulator_notices_notice_activated_cb (DeskNotificationsPage *self,
                                          DeskNotification      *notice)
{
  open_dialog (self, notice, NULL);
}

/* }}} */
/* Actions {{{ */

static void
desk_notifications_page_set_status_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);
  g_autoptr(GPtrArray) notices = get_selected_notices (self);
  int status = g_variant_get_int32 (parameter);

  g_return_if_fail (status >= 0 && status < DESK_N_NOTIFICATION_STATUSES);

  set_status (self, notices, status, TRUE);
}

static void
desk_notifications_page_set_notice_status_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  DeskNotification *notice;
  gint64 id;
  gint32 status;

  g_variant_get (parameter, "(xi)", &id, &status);
  g_return_if_fail (status >= 0 && status < DESK_N_NOTIFICATION_STATUSES);

  notice = desk_regulator_notices_find (self->regulator_notices, id);
  if (notice == NULL)
    return;

  g_ptr_array_add (notices, g_object_ref (notice));
  set_status (self, notices, status, FALSE);
}

static void
desk_notifications_page_select_all_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);
  GtkSelectionModel *selection = desk_customer_list_view_get_selection (self->list_view);

  if (selection != NULL)
    gtk_selection_model_select_all (selection);
}

static void
desk_notifications_page_unselect_all_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);
  GtkSelectionModel *selection = desk_customer_list_view_get_selection (self->list_view);

  if (selection != NULL)
    gtk_selection_model_unselect_all (selection);
}

static void
desk_notifications_page_edit_row_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);
  g_autoptr(DeskCustomerRow) row = desk_customer_list_view_get_menu_row (self->list_view);

  if (row != NULL)
    open_row_dialog (self, row);
}

static void
desk_notifications_page_add_notice_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  open_dialog (DESK_NOTIFICATIONS_PAGE (widget), NULL, NULL);
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_notifications_page_reload (DeskIncidentPage *page)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (page);
  DeskStore *store = desk_incident_page_get_store (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);

  if (store == NULL || incident_id == 0)
    {
      desk_customer_list_view_set_incident (self->list_view, NULL, 0, NULL);
      desk_regulator_notices_set_notices (self->regulator_notices, NULL);
      clear_deadlines (self);
      g_clear_pointer (&self->stats, desk_stats_free);
      self->notices_loaded = FALSE;
      update_state (self);
      return;
    }

  /* Another incident: a ledger of its own, keeping the search, filter and sort, and none of the
   * other one's figures while its own load. */
  if (!desk_customer_list_view_shows_incident (self->list_view, store, incident_id))
    {
      g_autoptr(GError) error = NULL;

      if (!desk_customer_list_view_set_incident (self->list_view, store, incident_id, &error))
        {
          desk_show_error (GTK_WIDGET (self), _("Could not read the ledger"), error);
          return;
        }
      desk_regulator_notices_set_notices (self->regulator_notices, NULL);
      clear_deadlines (self);
      g_clear_pointer (&self->stats, desk_stats_free);
      self->notices_loaded = FALSE;
      update_state (self);
    }

  reload_all (self);
}

/* }}} */
/* GtkWidget {{{ */

/* Other pages change what this one shows (a status set on the ledger, a customer added): coming
 * back to it, it reads again. */
/* }}} */
/* GObject {{{ */

static void
desk_notifications_page_dispose (GObject *object)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_NOTIFICATIONS_PAGE);
  self->stack = NULL;

  g_clear_pointer (&self->stats, desk_stats_free);

  G_OBJECT_CLASS (desk_notifications_page_parent_class)->dispose (object);
}

static void
desk_notifications_page_class_init (DeskNotificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_notifications_page_dispose;
  page_class->reload = desk_notifications_page_reload;

  g_type_ensure (DESK_TYPE_CHART_VIEW);
  g_type_ensure (DESK_TYPE_CUSTOMER_LIST_VIEW);
  g_type_ensure (DESK_TYPE_DUE_LIST);
  g_type_ensure (DESK_TYPE_FOLDING_ROW);
  g_type_ensure (DESK_TYPE_NOTICE_BREAKDOWN);
  g_type_ensure (DESK_TYPE_REGULATOR_NOTICES);
  g_type_ensure (DESK_TYPE_REPORT_BUTTON);
  g_type_ensure (DESK_TYPE_SNUG_BIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, status_breakdown);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, channel_breakdown);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, regulator_notices);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, due_list);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, progress_chart);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, status_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_regulator_notices_notice_activated_cb);

  gtk_widget_class_install_action (widget_class, "notifications.set-status", "i",
                                   desk_notifications_page_set_status_action);
  gtk_widget_class_install_action (widget_class, "notifications.set-notice-status", "(xi)",
                                   desk_notifications_page_set_notice_status_action);
  gtk_widget_class_install_action (widget_class, "notifications.select-all", NULL,
                                   desk_notifications_page_select_all_action);
  gtk_widget_class_install_action (widget_class, "notifications.unselect-all", NULL,
                                   desk_notifications_page_unselect_all_action);
  gtk_widget_class_install_action (widget_class, "notifications.add-notice", NULL,
                                   desk_notifications_page_add_notice_action);
  gtk_widget_class_install_action (widget_class, "notifications.edit-row", NULL,
                                   desk_notifications_page_edit_row_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "notifications.unselect-all", NULL);
}

static void
desk_notifications_page_init (DeskNotificationsPage *self)
{
  g_autoptr(GMenuModel) status_menu = NULL;
  g_autoptr(GMenu) row_menu = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  GtkColumnViewColumn *contract_column;
  GtkColumnView *view;

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  status_menu = desk_notice_status_menu ("notifications.set-status", 0);
  gtk_menu_button_set_menu_model (self->status_button, status_menu);

  g_menu_append (edit_section, _("_Edit Notice…"), "notifications.edit-row");
  g_menu_append_section (row_menu, NULL, G_MENU_MODEL (edit_section));
  /* Translators: a submenu of a ledger row's menu, listing the statuses */
  g_menu_append_submenu (row_menu, _("Set _Status"), status_menu);
  desk_customer_list_view_set_menu_model (self->list_view, G_MENU_MODEL (row_menu));

  view = desk_customer_list_view_get_column_view (self->list_view);
  contract_column =
    desk_customer_columns_append (view, _("Contract"), DESK_CUSTOMER_SORT_CONTRACT, 100,
                                  DESK_COLUMN_NONE, desk_cell_customer_text, "contract-id");
  desk_customer_columns_append (view, _("Name"), DESK_CUSTOMER_SORT_NAME, 180,
                                DESK_COLUMN_EXPAND, desk_cell_customer_text, "name");
  desk_customer_columns_append (view, _("Account Manager"), DESK_CUSTOMER_SORT_ACCOUNT_MANAGER,
                                140, DESK_COLUMN_NONE, desk_cell_customer_text, "account-manager");
  desk_customer_columns_append (view, _("Channel"), DESK_COLUMN_NO_SORT, 130,
                                DESK_COLUMN_NONE, channel_cell, NULL);
  desk_customer_columns_append (view, _("Status"), DESK_CUSTOMER_SORT_NOTIFICATION, 110,
                                DESK_COLUMN_NONE, desk_cell_notice_status, NULL);
  desk_customer_columns_append (view, _("Due"), DESK_COLUMN_NO_SORT, 150,
                                DESK_COLUMN_NONE, due_cell, self);
  desk_customer_columns_append (view, _("Sent"), DESK_COLUMN_NO_SORT, 110,
                                DESK_COLUMN_NONE, desk_cell_notice_date, "sent-at");
  desk_customer_columns_append (view, _("Acknowledged"), DESK_COLUMN_NO_SORT, 120,
                                DESK_COLUMN_NONE, desk_cell_notice_date, "acknowledged-at");
  desk_customer_columns_append (view, _("By"), DESK_COLUMN_NO_SORT, 130,
                                DESK_COLUMN_NONE, desk_cell_notice_text, "actor");
  desk_customer_columns_append (view, _("Note"), DESK_COLUMN_NO_SORT, 180,
                                DESK_COLUMN_NONE, desk_cell_notice_text, "note");
  /* Draws the arrow on the order the list starts in */
  gtk_column_view_sort_by_column (view, contract_column, GTK_SORT_ASCENDING);

  update_state (self);
}

/* }}} */
/* For tests {{{ */

GtkColumnView *
_desk_notifications_page_get_column_view (DeskNotificationsPage *self)
{
  return desk_customer_list_view_get_column_view (self->list_view);
}

GListModel *
_desk_notifications_page_get_list (DeskNotificationsPage *self)
{
  return G_LIST_MODEL (desk_customer_list_view_get_list (self->list_view));
}

GtkSelectionModel *
_desk_notifications_page_get_selection (DeskNotificationsPage *self)
{
  return desk_customer_list_view_get_selection (self->list_view);
}

GListModel *
_desk_notifications_page_get_notices (DeskNotificationsPage *self)
{
  return desk_regulator_notices_get_notices (self->regulator_notices);
}

GtkDropDown *
_desk_notifications_page_get_filter_dropdown (DeskNotificationsPage *self)
{
  return _desk_customer_list_view_get_filter_dropdown (self->list_view);
}

const char *
_desk_notifications_page_get_progress_text (DeskNotificationsPage *self)
{
  return gtk_label_get_label (self->progress_label);
}

const char *
_desk_notifications_page_get_selection_text (DeskNotificationsPage *self)
{
  return _desk_customer_list_view_get_count_text (self->list_view);
}

/* Returns: "loading", "empty", or the ledger's state: "list", "no-results" or "no-customers" */
const char *
_desk_notifications_page_get_state (DeskNotificationsPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "notices") == 0)
    return _desk_customer_list_view_get_state (self->list_view);

  return page;
}

DeskNoticeDialog *
_desk_notifications_page_open_dialog (DeskNotificationsPage *self,
                                      guint                  position)
{
  g_autoptr(DeskCustomerRow) row = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return open_dialog (self, NULL, NULL);

  row = g_list_model_get_item (_desk_notifications_page_get_list (self), position);
  g_return_val_if_fail (row != NULL, NULL);

  return open_row_dialog (self, row);
}

void
_desk_notifications_page_popup_row_menu (DeskNotificationsPage *self,
                                         double                 x,
                                         double                 y)
{
  _desk_customer_list_view_popup_row_menu (self->list_view, x, y);
}

GtkPopover *
_desk_notifications_page_get_row_popover (DeskNotificationsPage *self)
{
  return _desk_customer_list_view_get_row_popover (self->list_view);
}

DeskDueList *
_desk_notifications_page_get_due_list (DeskNotificationsPage *self)
{
  return self->due_list;
}

DeskChartView *
_desk_notifications_page_get_progress_chart (DeskNotificationsPage *self)
{
  return self->progress_chart;
}

/* }}} */
