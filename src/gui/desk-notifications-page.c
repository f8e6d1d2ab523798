/* desk-notifications-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskNotificationsPage shows who has been told about an incident: the overall progress and its
 * breakdown by status and by channel (from the store's SQL aggregates), the notices to a
 * regulator or the public, and the ledger, one row per affected customer, in a GtkColumnView over
 * a DeskCustomerList with multiple selection so that many rows change status at once.
 *
 * Status changes go through desk_store_set_notification_status_async(), which stamps each
 * notice with who changed it and when it was first sent or acknowledged. */

#define G_LOG_DOMAIN "desk-notifications-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-customer-columns.h"
#include "desk-customer-list.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-notice-dialog.h"
#include "desk-notifications-page-private.h"

/* The order statuses are listed in: the ledger's, from not started to not required. */
static const DeskNotificationStatus status_order[] = {
  DESK_NOTIFICATION_STATUS_NOT_STARTED,
  DESK_NOTIFICATION_STATUS_DRAFTED,
  DESK_NOTIFICATION_STATUS_APPROVED,
  DESK_NOTIFICATION_STATUS_SENT,
  DESK_NOTIFICATION_STATUS_DELIVERED,
  DESK_NOTIFICATION_STATUS_BOUNCED,
  DESK_NOTIFICATION_STATUS_ACKNOWLEDGED,
  DESK_NOTIFICATION_STATUS_NOT_REQUIRED,
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_order) == DESK_N_NOTIFICATION_STATUSES);

struct _DeskNotificationsPage
{
  DeskIncidentPage     parent_instance;

  /* Template widgets */
  GtkStack            *stack;        /* the child, not bound: see the template */
  GtkLabel            *progress_label;
  GtkLabel            *percent_label;
  GtkProgressBar      *progress_bar;
  GtkGrid             *status_grid;
  GtkGrid             *channel_grid;
  GtkListBox          *notice_list;
  GtkWidget           *search_toolbar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkWidget           *selection_toolbar;
  GtkLabel            *selection_label;
  GtkMenuButton       *status_button;
  GtkStack            *ledger_stack;
  GtkColumnView       *column_view;

  /* Owned */
  GtkWidget           *row_popover;  /* a row's context menu, parented to the page */
  DeskCustomerList    *list;
  GtkMultiSelection   *selection;
  DeskStore           *list_store;      /* not a reference: only compared */
  gint64               list_incident;
  GListStore          *notices;      /* DeskNotification to a regulator or the public */
  DeskStats           *stats;

  DeskCustomerSort     sort;
  gboolean             descending;
  guint                menu_position; /* the row the context menu is for */
  gboolean             stale;         /* unmapped since the last read: other pages may have
                                       * changed what it shows */
  gboolean             list_loaded;
  gboolean             notices_loaded;
};

G_DEFINE_FINAL_TYPE (DeskNotificationsPage, desk_notifications_page, DESK_TYPE_INCIDENT_PAGE)

/* Helpers {{{ */

static const char *
get_search (DeskNotificationsPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static gboolean
is_filtered (DeskNotificationsPage *self)
{
  return *get_search (self) != '\0'
         || gtk_drop_down_get_selected (self->filter_dropdown) != DESK_NOTICE_FILTER_ALL;
}

static GtkWindow *
get_parent_window (DeskNotificationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static guint
get_n_selected (DeskNotificationsPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return 0;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return gtk_bitset_get_size (selected);
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
update_selection (DeskNotificationsPage *self)
{
  guint n_items = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint n_selected = get_n_selected (self);
  g_autofree char *items = desk_format_count (n_items);
  g_autofree char *selected = desk_format_count (n_selected);
  g_autofree char *text = NULL;

  if (n_selected > 0)
    /* Translators: rows of the ledger selected, e.g. "10 of 606 selected" */
    text = g_strdup_printf (ngettext ("%s of %s selected", "%s of %s selected", n_items),
                            selected, items);
  else if (is_filtered (self))
    /* Translators: %s is a number of rows of the ledger */
    text = g_strdup_printf (ngettext ("%s matching customer", "%s matching customers", n_items),
                            items);
  else
    /* Translators: %s is a number of rows of the ledger */
    text = g_strdup_printf (ngettext ("%s customer", "%s customers", n_items), items);

  gtk_label_set_label (self->selection_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.set-status", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.select-all",
                                 n_items > 0 && n_selected < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.unselect-all", n_selected > 0);
}

static void
update_state (DeskNotificationsPage *self)
{
  guint n_items = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean has_incident = desk_incident_page_get_incident (DESK_INCIDENT_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.add-notice", has_incident);
  update_selection (self);

  if (!self->list_loaded || !self->notices_loaded || self->stats == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (count_notices (self->stats) == 0 && n_items == 0 && !is_filtered (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "notices");

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->ledger_stack, "list");
  else if (is_filtered (self))
    gtk_stack_set_visible_child_name (self->ledger_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->ledger_stack, "no-customers");

  /* Nothing to search or select in a ledger without customers */
  gtk_widget_set_visible (self->search_toolbar, n_items > 0 || is_filtered (self));
  gtk_widget_set_visible (self->selection_toolbar, n_items > 0 || is_filtered (self));
}

/* }}} */
/* Figures {{{ */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* One line of a breakdown: what, how many (in words and digits), and a bar. */
static void
add_bar_row (GtkGrid    *grid,
             int         row,
             const char *title,
             const char *value,
             double      fraction,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, title);

  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_widget_add_css_class (value_label, "numeric");

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (fraction, 0, 1));
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 48, -1);
  if (css_class != NULL)
    gtk_widget_add_css_class (bar, css_class);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, value_label, NULL,
                                  -1);

  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
  gtk_grid_attach (grid, bar, 2, row, 1, 1);
}

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
  int row = 0;

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

  clear_grid (self->status_grid);
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      DeskNotificationStatus status = status_order[i];
      g_autofree char *count = desk_format_count (stats->notifications[status]);

      add_bar_row (self->status_grid, i, desk_notification_status_label (status), count,
                   total > 0 ? (double) stats->notifications[status] / total : 0,
                   desk_notice_status_css_class (status));
    }

  clear_grid (self->channel_grid);
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
      add_bar_row (self->channel_grid, row++, desk_channel_label (channel), value,
                   of > 0 ? (double) stats->channel_notified[channel] / of : 0,
                   "notice-notified");
    }

  if (row == 0)
    {
      GtkWidget *label = gtk_label_new (_("No customer notices yet"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->channel_grid, label, 0, 0, 1, 1);
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
/* Ledger {{{ */

static void
on_list_reloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DeskNotificationsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_customer_list_reload_finish (DESK_CUSTOMER_LIST (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not read the ledger"), error);
    }

  if (DESK_CUSTOMER_LIST (object) == self->list)
    {
      self->list_loaded = TRUE;
      update_state (self);
    }

  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

static void
reload_list (DeskNotificationsPage *self)
{
  if (self->list == NULL)
    return;

  desk_customer_list_set_search (self->list, get_search (self));
  desk_customer_list_set_filter (self->list, gtk_drop_down_get_selected (self->filter_dropdown));
  desk_customer_list_set_sort (self->list, self->sort, self->descending);

  desk_incident_page_begin_loading (DESK_INCIDENT_PAGE (self));
  desk_customer_list_reload_async (self->list,
                                   desk_incident_page_get_cancellable (DESK_INCIDENT_PAGE (self)),
                                   on_list_reloaded_cb,
                                   g_object_ref (self));
}

static void
set_list (DeskNotificationsPage *self,
          DeskCustomerList      *list)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_set_object (&self->list, list);
  g_clear_object (&self->selection);

  if (list != NULL)
    {
      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list)));
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (update_selection), self);
      g_signal_connect_swapped (self->selection, "items-changed",
                                G_CALLBACK (update_selection), self);
    }
  /* A new model rather than a reload of the old one: see perf_testing.md §1. */
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->list_loaded = FALSE;
}

/* Returns: (transfer full) (element-type DeskNotification): the notices of the selected rows */
static GPtrArray *
get_selected_notices (DeskNotificationsPage *self)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return notices;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DeskCustomerRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
      DeskNotification *notice = row ? desk_customer_row_get_notification (row) : NULL;

      if (notice != NULL)
        g_ptr_array_add (notices, g_object_ref (notice));
    }

  return notices;
}

/* }}} */
/* Notices to a regulator or the public {{{ */

static char *
describe_notice (DeskRecord *notice)
{
  g_autofree char *sent = desk_format_date (desk_record_get_int (notice, "sent-at"));
  const char *actor = desk_record_get_string (notice, "actor");
  GString *text = g_string_new (NULL);

  /* Translators: who a notice is for and how it is sent, e.g. "Regulator · Regulator filing" */
  g_string_append_printf (text, _("%s · %s"),
                          desk_recipient_label (desk_record_get_enum (notice, "recipient")),
                          desk_channel_label (desk_record_get_enum (notice, "channel")));
  if (sent != NULL)
    {
      g_string_append (text, _(" · "));
      /* Translators: when a notice was first sent, e.g. "sent 14 Apr 2026" */
      g_string_append_printf (text, _("sent %s"), sent);
    }
  if (actor != NULL && *actor != '\0')
    {
      g_string_append (text, _(" · "));
      /* Translators: who last changed a notice's status, e.g. "by Alice Example" */
      g_string_append_printf (text, _("by %s"), actor);
    }

  return g_string_free (text, FALSE);
}

static GMenuModel *
status_menu (const char *action,
             gint64      notice_id)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (desk_notification_status_label (status_order[i]),
                                                   NULL);

      if (notice_id != 0)
        g_menu_item_set_action_and_target_value (item, action,
                                                 g_variant_new ("(xi)", notice_id,
                                                                (gint32) status_order[i]));
      else
        g_menu_item_set_action_and_target_value (item, action,
                                                 g_variant_new_int32 (status_order[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* A compact row rather than an AdwActionRow: its width stays modest, so the notices fit beside
 * the two breakdowns on a desktop-wide page. */
static GtkWidget *
create_notice_row (gpointer item,
                   gpointer user_data)
{
  DeskRecord *notice = item;
  const char *name = desk_record_get_string (notice, "recipient-name");
  DeskNotificationStatus status = desk_record_get_enum (notice, "status");
  const char *status_label = desk_notification_status_label (status);
  g_autofree char *subtitle = describe_notice (notice);
  g_autofree char *button_label = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row, *box, *labels, *title, *description, *button;
  const char *css_class;

  if (name == NULL || *name == '\0')
    name = desk_recipient_label (desk_record_get_enum (notice, "recipient"));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the notice"));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  title = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_box_append (GTK_BOX (labels), title);

  description = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 28);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (labels), description);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL,
                                  -1);

  menu = status_menu ("notifications.set-notice-status", desk_record_get_id (notice));
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), status_label);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  css_class = desk_notice_status_css_class (status);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_tooltip_text (button, _("Change the status"));
  /* Translators: the button that changes a notice's status; %s is its status, e.g. "Sent" */
  button_label = g_strdup_printf (_("Status: %s"), status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data_full (G_OBJECT (row), "desk-notice", g_object_ref (notice), g_object_unref);

  return row;
}

static void
on_notices_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DeskNotificationsPage) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (records == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not read the notices"), error);
    }

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      DeskRecord *notice = g_ptr_array_index (records, i);

      if (desk_record_get_enum (notice, "recipient") != DESK_RECIPIENT_CUSTOMER)
        g_ptr_array_add (notices, notice);
    }

  g_list_store_splice (self->notices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notices)),
                       notices->pdata, notices->len);
  self->notices_loaded = TRUE;
  update_state (self);

  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

/* The store lists an incident's notices by its id only; the customers' ledger rows are left out
 * here, on the main thread, which is cheap for the hundreds to thousands an incident has. */
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

static DeskNotification *
find_notice (DeskNotificationsPage *self,
             gint64                 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notices)); i++)
    {
      g_autoptr(DeskNotification) notice = g_list_model_get_item (G_LIST_MODEL (self->notices), i);

      if (desk_record_get_id (DESK_RECORD (notice)) == id)
        return notice;   /* the list store holds a reference */
    }

  return NULL;
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

  reload_list (self);
  load_stats (self);
  load_notices (self);
}

/* How far a notice has gone; a bounced one stands with the sent ones, to be sent again. */
static int
status_rank (DeskNotificationStatus status)
{
  switch (status)
    {
    case DESK_NOTIFICATION_STATUS_NOT_REQUIRED:
      return -1;
    case DESK_NOTIFICATION_STATUS_NOT_STARTED:
      return 0;
    case DESK_NOTIFICATION_STATUS_DRAFTED:
      return 1;
    case DESK_NOTIFICATION_STATUS_APPROVED:
      return 2;
    case DESK_NOTIFICATION_STATUS_SENT:
    case DESK_NOTIFICATION_STATUS_BOUNCED:
      return 3;
    case DESK_NOTIFICATION_STATUS_DELIVERED:
      return 4;
    case DESK_NOTIFICATION_STATUS_ACKNOWLEDGED:
      return 5;
    default:
      g_return_val_if_reached (0);
    }
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
  g_autofree char *title = NULL;

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
          && status_rank (current) > status_rank (status))
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

typedef struct
{
  DeskNotificationsPage *page;
  DeskNotification      *notice;
  gboolean               deleted;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_clear_object (&removal->page);
  g_clear_object (&removal->notice);
  g_free (removal);
}

static void run_removal (DeskNotificationsPage *self,
                         DeskNotification      *notice,
                         gboolean               deleted);

static void
undo_removal (gpointer user_data)
{
  Removal *removal = user_data;

  run_removal (removal->page, removal->notice, FALSE);
}

static void
on_removal_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Removal *removal = user_data;
  DeskNotificationsPage *self = removal->page;
  g_autoptr(GError) error = NULL;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    desk_show_error (GTK_WIDGET (self),
                     removal->deleted ? _("Could not remove the notice")
                                      : _("Could not restore the notice"),
                     error);
  else if (removal->deleted)
    {
      desk_show_undo_toast (GTK_WIDGET (self), _("Notice removed"), undo_removal, removal,
                            removal_free);
      removal = NULL;
    }

  reload_all (self);
  g_clear_pointer (&removal, removal_free);
}

static void
run_removal (DeskNotificationsPage *self,
             DeskNotification      *notice,
             gboolean               deleted)
{
  DeskStore *store = desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
  Removal *removal;

  if (store == NULL)
    return;

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (self);
  removal->notice = g_object_ref (notice);
  removal->deleted = deleted;
  desk_store_set_deleted_async (store, DESK_RECORD (notice), deleted, NULL,
                                on_removal_done_cb, removal);
}

static void
on_remove_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Removal *removal = user_data;

  if (desk_confirm_finish (result, NULL))
    run_removal (removal->page, removal->notice, TRUE);

  removal_free (removal);
}

static void
on_dialog_remove_requested_cb (DeskNotificationsPage *self,
                               DeskNotification      *notice)
{
  Removal *removal = g_new0 (Removal, 1);

  removal->page = g_object_ref (self);
  removal->notice = g_object_ref (notice);
  desk_confirm_async (GTK_WIDGET (self), _("Remove Notice?"),
                      _("The notice and its record leave the incident."), _("_Remove"),
                      desk_incident_page_get_cancellable (DESK_INCIDENT_PAGE (self)),
                      on_remove_confirmed_cb, removal);
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
  DeskRecord *customer = DESK_RECORD (desk_customer_row_get_customer (row));
  DeskNotification *notice = desk_customer_row_get_notification (row);
  const char *name = desk_record_get_string (customer, "name");

  if (notice == NULL)
    return NULL;

  return open_dialog (self, notice,
                      name && *name ? name : desk_record_get_string (customer, "contract-id"));
}

/* Shows the row menu at (@x, @y) of the column view, for the row there; a click outside the
 * selection selects that row alone, one inside keeps the selection for "Set Status". */
static void
popup_row_menu (DeskNotificationsPage *self,
                double                 x,
                double                 y)
{
  guint position = desk_customer_columns_get_position_at (self->column_view, x, y);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  double page_x, page_y;

  if (position == GTK_INVALID_LIST_POSITION || selection == NULL)
    return;

  if (!gtk_selection_model_is_selected (selection, position))
    gtk_selection_model_select_item (selection, position, TRUE);
  self->menu_position = position;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                         x, y, &page_x, &page_y))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover),
                               &(GdkRectangle) { (int) page_x, (int) page_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

/* }}} */
/* Cells {{{ */

static DeskRecord *
row_notice (DeskCustomerRow *row)
{
  return (DeskRecord *) desk_customer_row_get_notification (row);
}

static char *
channel_cell (DeskCustomerRow  *row,
              const char      **css_class,
              gpointer          user_data)
{
  DeskRecord *notice = row_notice (row);

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
  DeskRecord *notice = row_notice (row);
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

  /* Late: not sent by the deadline, whether it went out since or not */
  if ((done_at != 0 && done_at > due_at)
      || (done_at == 0 && store != NULL && desk_store_now (store) > due_at))
    {
      *css_class = "notice-overdue";
      /* Translators: a notice's deadline that passed before it was sent,
       * e.g. "14 Apr 2026, late" */
      return g_strdup_printf (_("%s, late"), date);
    }

  return g_steal_pointer (&date);
}

static char *
sent_cell (DeskCustomerRow  *row,
           const char      **css_class,
           gpointer          user_data)
{
  DeskRecord *notice = row_notice (row);

  return notice ? desk_format_date (desk_record_get_int (notice, "sent-at")) : NULL;
}

static char *
acknowledged_cell (DeskCustomerRow  *row,
                   const char      **css_class,
                   gpointer          user_data)
{
  DeskRecord *notice = row_notice (row);

  return notice ? desk_format_date (desk_record_get_int (notice, "acknowledged-at")) : NULL;
}

static char *
actor_cell (DeskCustomerRow  *row,
            const char      **css_class,
            gpointer          user_data)
{
  DeskRecord *notice = row_notice (row);

  return notice ? g_strdup (desk_record_get_string (notice, "actor")) : NULL;
}

static char *
note_cell (DeskCustomerRow  *row,
           const char      **css_class,
           gpointer          user_data)
{
  DeskRecord *notice = row_notice (row);

  return notice ? g_strdup (desk_record_get_string (notice, "note")) : NULL;
}

/* }}} */
/* Callbacks {{{ */

static void
on_search_changed_cb (DeskNotificationsPage *self)
{
  reload_list (self);
}

static void
on_filter_changed_cb (DeskNotificationsPage *self)
{
  reload_list (self);
}

static void
on_sorter_changed_cb (DeskNotificationsPage *self)
{
  DeskCustomerSort sort = DESK_CUSTOMER_SORT_CONTRACT;
  gboolean descending = FALSE;

  desk_customer_columns_get_sort (self->column_view, &sort, &descending);
  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  reload_list (self);
}

static void
on_column_view_activated_cb (DeskNotificationsPage *self,
                             guint                  position)
{
  g_autoptr(DeskCustomerRow) row = NULL;

  if (self->list == NULL)
    return;

  row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (row != NULL)
    open_row_dialog (self, row);
}

static void
on_column_view_pressed_cb (DeskNotificationsPage *self,
                           int                    n_press,
                           double                 x,
                           double                 y,
                           GtkGesture            *gesture)
{
  popup_row_menu (self, x, y);
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_column_view_long_pressed_cb (DeskNotificationsPage *self,
                                double                 x,
                                double                 y)
{
  popup_row_menu (self, x, y);
}

static void
on_notice_row_activated_cb (DeskNotificationsPage *self,
                            GtkListBoxRow         *row)
{
  DeskNotification *notice = g_object_get_data (G_OBJECT (row), "desk-notice");

  if (notice != NULL)
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

  notice = find_notice (self, id);
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

  if (self->selection != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
desk_notifications_page_unselect_all_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);

  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
desk_notifications_page_edit_row_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);
  g_autoptr(DeskCustomerRow) row = NULL;

  if (self->list == NULL)
    return;

  row = g_list_model_get_item (G_LIST_MODEL (self->list), self->menu_position);
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
      set_list (self, NULL);
      g_list_store_remove_all (self->notices);
      g_clear_pointer (&self->stats, desk_stats_free);
      self->notices_loaded = FALSE;
      self->list_store = NULL;
      self->list_incident = 0;
      update_state (self);
      return;
    }

  if (self->list == NULL || self->list_store != store || self->list_incident != incident_id)
    {
      g_autoptr(DeskCustomerList) list = NULL;
      g_autoptr(GError) error = NULL;

      list = desk_customer_list_new (store, incident_id, &error);
      if (list == NULL)
        {
          desk_show_error (GTK_WIDGET (self), _("Could not read the ledger"), error);
          return;
        }

      set_list (self, list);
      g_list_store_remove_all (self->notices);
      g_clear_pointer (&self->stats, desk_stats_free);
      self->notices_loaded = FALSE;
      self->list_store = store;
      self->list_incident = incident_id;
      update_state (self);
    }

  reload_all (self);
}

/* }}} */
/* GtkWidget {{{ */

static void
desk_notifications_page_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (desk_notifications_page_parent_class)->size_allocate (widget, width, height,
                                                                          baseline);

  /* A popover child is placed by its parent. */
  if (self->row_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->row_popover));
}

/* Other pages change what this one shows (a status set on the ledger, a customer added): coming
 * back to it, it reads again. */
static void
desk_notifications_page_map (GtkWidget *widget)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (desk_notifications_page_parent_class)->map (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      desk_incident_page_reload (DESK_INCIDENT_PAGE (self));
    }
}

static void
desk_notifications_page_unmap (GtkWidget *widget)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (widget);

  self->stale = TRUE;

  GTK_WIDGET_CLASS (desk_notifications_page_parent_class)->unmap (widget);
}

/* }}} */
/* GObject {{{ */

static void
desk_notifications_page_dispose (GObject *object)
{
  DeskNotificationsPage *self = DESK_NOTIFICATIONS_PAGE (object);

  g_clear_pointer (&self->row_popover, gtk_widget_unparent);

  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_NOTIFICATIONS_PAGE);
  self->stack = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->notices);
  g_clear_pointer (&self->stats, desk_stats_free);
  self->list_store = NULL;

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
  widget_class->size_allocate = desk_notifications_page_size_allocate;
  widget_class->map = desk_notifications_page_map;
  widget_class->unmap = desk_notifications_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, status_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, channel_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, notice_list);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, search_toolbar);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, selection_toolbar);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, ledger_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskNotificationsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_long_pressed_cb);

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
  g_autoptr(GMenuModel) menu = NULL;
  GtkColumnViewColumn *contract_column;
  GtkColumnView *view;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->notices = g_list_store_new (DESK_TYPE_NOTIFICATION);
  gtk_list_box_bind_model (self->notice_list, G_LIST_MODEL (self->notices),
                           create_notice_row, self, NULL);
  {
    GtkWidget *placeholder = gtk_label_new (_("No notices to a regulator or the public"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_list_box_set_placeholder (self->notice_list, placeholder);
  }

  menu = status_menu ("notifications.set-status", 0);
  gtk_menu_button_set_menu_model (self->status_button, menu);

  {
    g_autoptr(GMenu) row_menu = g_menu_new ();
    g_autoptr(GMenu) edit_section = g_menu_new ();

    g_menu_append (edit_section, _("_Edit Notice…"), "notifications.edit-row");
    g_menu_append_section (row_menu, NULL, G_MENU_MODEL (edit_section));
    /* Translators: a submenu of a ledger row's menu, listing the statuses */
    g_menu_append_submenu (row_menu, _("Set _Status"), menu);

    self->row_popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (row_menu));
    gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
    gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
    gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));
  }

  view = self->column_view;
  contract_column =
    desk_customer_columns_append (view, _("Contract"), DESK_CUSTOMER_SORT_CONTRACT, 100,
                                  DESK_COLUMN_NONE, desk_cell_contract, self);
  desk_customer_columns_append (view, _("Name"), DESK_CUSTOMER_SORT_NAME, 180,
                                DESK_COLUMN_EXPAND, desk_cell_name, self);
  desk_customer_columns_append (view, _("Account Manager"), DESK_CUSTOMER_SORT_ACCOUNT_MANAGER,
                                140, DESK_COLUMN_NONE, desk_cell_account_manager, self);
  desk_customer_columns_append (view, _("Channel"), DESK_COLUMN_NO_SORT, 130,
                                DESK_COLUMN_NONE, channel_cell, self);
  desk_customer_columns_append (view, _("Status"), DESK_CUSTOMER_SORT_NOTIFICATION, 110,
                                DESK_COLUMN_NONE, desk_cell_notice_status, self);
  desk_customer_columns_append (view, _("Due"), DESK_COLUMN_NO_SORT, 150,
                                DESK_COLUMN_NONE, due_cell, self);
  desk_customer_columns_append (view, _("Sent"), DESK_COLUMN_NO_SORT, 110,
                                DESK_COLUMN_NONE, sent_cell, self);
  desk_customer_columns_append (view, _("Acknowledged"), DESK_COLUMN_NO_SORT, 120,
                                DESK_COLUMN_NONE, acknowledged_cell, self);
  desk_customer_columns_append (view, _("By"), DESK_COLUMN_NO_SORT, 130,
                                DESK_COLUMN_NONE, actor_cell, self);
  desk_customer_columns_append (view, _("Note"), DESK_COLUMN_NO_SORT, 180,
                                DESK_COLUMN_NONE, note_cell, self);

  self->sort = DESK_CUSTOMER_SORT_CONTRACT;
  g_signal_connect_swapped (gtk_column_view_get_sorter (view), "changed",
                            G_CALLBACK (on_sorter_changed_cb), self);
  gtk_column_view_sort_by_column (view, contract_column, GTK_SORT_ASCENDING);

  update_state (self);
}

/* }}} */
/* For tests {{{ */

GtkColumnView *
_desk_notifications_page_get_column_view (DeskNotificationsPage *self)
{
  return self->column_view;
}

GListModel *
_desk_notifications_page_get_list (DeskNotificationsPage *self)
{
  return G_LIST_MODEL (self->list);
}

GtkSelectionModel *
_desk_notifications_page_get_selection (DeskNotificationsPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

GListModel *
_desk_notifications_page_get_notices (DeskNotificationsPage *self)
{
  return G_LIST_MODEL (self->notices);
}

GtkDropDown *
_desk_notifications_page_get_filter_dropdown (DeskNotificationsPage *self)
{
  return self->filter_dropdown;
}

const char *
_desk_notifications_page_get_progress_text (DeskNotificationsPage *self)
{
  return gtk_label_get_label (self->progress_label);
}

const char *
_desk_notifications_page_get_selection_text (DeskNotificationsPage *self)
{
  return gtk_label_get_label (self->selection_label);
}

/* Returns: "loading", "empty", or the ledger's state: "list", "no-results" or "no-customers" */
const char *
_desk_notifications_page_get_state (DeskNotificationsPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "notices") == 0)
    return gtk_stack_get_visible_child_name (self->ledger_stack);

  return page;
}

DeskNoticeDialog *
_desk_notifications_page_open_dialog (DeskNotificationsPage *self,
                                      guint                  position)
{
  g_autoptr(DeskCustomerRow) row = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return open_dialog (self, NULL, NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  g_return_val_if_fail (row != NULL, NULL);

  return open_row_dialog (self, row);
}

void
_desk_notifications_page_popup_row_menu (DeskNotificationsPage *self,
                                         double                 x,
                                         double                 y)
{
  popup_row_menu (self, x, y);
}

GtkPopover *
_desk_notifications_page_get_row_popover (DeskNotificationsPage *self)
{
  return GTK_POPOVER (self->row_popover);
}

/* }}} */
