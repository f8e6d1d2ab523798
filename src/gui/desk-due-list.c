/* desk-due-list.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskDueList is the Notifications page's "Due Next": what remains to file or to send, soonest
 * first, across the incident's obligations and its notices, each with its due time in the
 * incident's zone and a countdown ("in 5 h", "overdue by 2 days") that runs while the list is in
 * view. How pressing each is shows three ways, so that no one depends on colour: the words, an
 * icon, and the colour of both (style.css, in the theme's colours for dark mode too).
 *
 * Customers' notices come by the hundred: those overdue make one row, counted, and so do those
 * due on the same day; a row tells the first of them. Past the first few rows, the others wait
 * behind a Show All button. What is done (filed, not applicable, sent) is left out. */

#define G_LOG_DOMAIN "desk-due-list"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-deadline-text.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-time.h"
#include "desk-due-list.h"

/* How often the countdowns are worked out again while shown. */
#define REFRESH_SECONDS 30

/* Rows shown before Show All. */
#define SHORT_LENGTH 6

typedef struct
{
  char      *title;        /* what is due; for customers, the first one's name */
  char      *recipient;    /* (nullable) */
  char      *time_zone;    /* (nullable) */
  gint64     due_at;
  gboolean   uncertain;
  guint      n_customers;  /* customers' notices in the row; 0 for other deadlines */

  /* Its row's widgets, which a refresh updates */
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *title_label;
  GtkWidget *countdown_label;
} Entry;

struct _DeskDueList
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkListBox *list_box;
  GtkLabel   *overdue_label;
  GtkButton  *show_all_button;

  /* Owned */
  DeskStore  *store;       /* for the time it is: tests set the store's clock */
  GPtrArray  *entries;     /* Entry */
  GSettings  *settings;
  guint       refresh_id;
  gboolean    show_all;
};

G_DEFINE_FINAL_TYPE (DeskDueList, desk_due_list, ADW_TYPE_BIN)

/* Entries {{{ */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->title);
  g_free (entry->recipient);
  g_free (entry->time_zone);
  g_free (entry);
}

static gboolean
is_customer_notice (DeskDeadline *deadline)
{
  return desk_deadline_get_kind (deadline) == DESK_DEADLINE_KIND_NOTICE
         && desk_record_get_enum (desk_deadline_get_record (deadline), "recipient")
            == DESK_RECIPIENT_CUSTOMER;
}

/* The group of a customer's notice: those overdue at @now together, and the others by the day
 * they are due in the incident's zone. */
static char *
customer_group (DeskDeadline *deadline,
                gint64        now)
{
  gint64 due_at = desk_deadline_get_due_at (deadline);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (desk_deadline_state_at (deadline, now) == DESK_DEADLINE_STATE_OVERDUE)
    return g_strdup ("overdue");

  zone = desk_time_zone_for (desk_deadline_get_time_zone (deadline));
  local = desk_time_in_zone (due_at, zone);
  return g_date_time_format (local, "%F");
}

/* Returns: (transfer full): the entries of the deadlines not done yet, in their order (soonest
 *   first), the customers' grouped */
static GPtrArray *
gather_entries (GPtrArray *deadlines,
                gint64     now)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *group = NULL;
      Entry *entry;

      if (desk_deadline_is_done (deadline))
        continue;

      if (is_customer_notice (deadline))
        {
          group = customer_group (deadline, now);
          if ((entry = g_hash_table_lookup (groups, group)) != NULL)
            {
              entry->n_customers++;
              continue;
            }
        }

      entry = g_new0 (Entry, 1);
      entry->title = g_strdup (desk_deadline_get_title (deadline));
      entry->recipient = g_strdup (desk_deadline_get_recipient (deadline));
      entry->time_zone = g_strdup (desk_deadline_get_time_zone (deadline));
      entry->due_at = desk_deadline_get_due_at (deadline);
      entry->uncertain = desk_deadline_get_uncertain (deadline);
      g_ptr_array_add (entries, entry);

      if (group != NULL)
        {
          entry->n_customers = 1;
          g_hash_table_insert (groups, g_steal_pointer (&group), entry);
        }
    }

  return entries;
}

static char *
entry_title (Entry *entry)
{
  if (entry->n_customers > 1)
    /* Translators: a row of the "Due Next" list for the notices of many customers due at the
     * same time, e.g. "586 customer notices" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer notice",
                                         "%u customer notices", entry->n_customers),
                            entry->n_customers);

  return g_strdup (entry->title);
}

static char *
entry_subtitle (Entry *entry)
{
  g_autofree char *due = desk_format_due_time (entry->due_at, entry->time_zone);

  if (entry->n_customers > 1)
    /* Translators: under "21 customer notices" in the "Due Next" list: when the first of them
     * is due, e.g. "Customers · the first due 1 Dec 2026, 22:21 JST" */
    return g_strdup_printf (_("Customers · the first due %s"), due);

  if (entry->recipient == NULL || *entry->recipient == '\0')
    return g_steal_pointer (&due);

  /* Translators: who a deadline's report or notice goes to, and when it is due, e.g.
   * "Supervisory authority · 17 Apr 2026, 09:00 JST" */
  return g_strdup_printf (_("%s · %s"), entry->recipient, due);
}

/* }}} */
/* Rows {{{ */

static void
set_css_class (GtkWidget   *widget,
               const char  *css_class)
{
  static const char * const classes[] = { "deadline-done", "deadline-soon", "deadline-overdue" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

static guint
get_lead_hours (DeskDueList *self)
{
  return g_settings_get_uint (self->settings, "reminder-lead-hours");
}

/* Works out each countdown again, for the time it is now. */
static void
refresh (DeskDueList *self)
{
  gint64 now = self->store ? desk_store_now (self->store) : g_get_real_time () / G_USEC_PER_SEC;
  guint lead_hours = get_lead_hours (self);
  guint n_overdue = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      DeskUrgency urgency = desk_urgency_of (entry->due_at, FALSE, now, lead_hours);
      g_autofree char *countdown = NULL;
      g_autofree char *subtitle = entry_subtitle (entry);
      g_autofree char *description = NULL;

      if (urgency == DESK_URGENCY_NONE)
        /* Translators: the countdown of a deadline without a due time */
        countdown = g_strdup (C_("countdown", "no fixed time"));
      else
        countdown = desk_format_countdown (entry->due_at, now);

      gtk_image_set_from_icon_name (GTK_IMAGE (entry->icon), desk_urgency_icon_name (urgency));
      set_css_class (entry->icon, desk_urgency_css_class (urgency));
      gtk_label_set_label (GTK_LABEL (entry->countdown_label), countdown);
      set_css_class (entry->countdown_label, desk_urgency_css_class (urgency));

      /* Translators: what a screen reader says of a "Due Next" row after its title, e.g.
       * "Supervisory authority · 17 Apr 2026, 09:00 JST, overdue by 2 h" */
      description = g_strdup_printf (_("%s, %s"), subtitle, countdown);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);

      if (urgency == DESK_URGENCY_OVERDUE)
        n_overdue += MAX (entry->n_customers, 1);
    }

  if (n_overdue > 0)
    {
      /* Translators: beside the "Due Next" heading, e.g. "3 overdue" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue",
                                                            "%u overdue", n_overdue),
                                               n_overdue);

      gtk_label_set_label (self->overdue_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), n_overdue > 0);
}

/* Past the first rows, the others show only when asked. */
static void
update_length (DeskDueList *self)
{
  guint n_hidden = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      gboolean visible = self->show_all || i < SHORT_LENGTH;

      gtk_widget_set_visible (entry->row, visible);
      n_hidden += !visible;
    }

  if (self->show_all)
    gtk_button_set_label (self->show_all_button, _("Show _Fewer"));
  else
    {
      /* Translators: a button under the "Due Next" list that shows the rows left out */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Show _All (%u More)",
                                                             "Show _All (%u More)", n_hidden),
                                                n_hidden);

      gtk_button_set_label (self->show_all_button, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button),
                          self->entries->len > SHORT_LENGTH);
}

static void
on_show_all_clicked_cb (DeskDueList *self)
{
  self->show_all = !self->show_all;
  update_length (self);
}

static void
add_row (DeskDueList *self,
         Entry       *entry)
{
  g_autofree char *title = entry_title (entry);
  g_autofree char *subtitle = entry_subtitle (entry);
  GtkWidget *box, *labels, *title_box, *subtitle_label;

  entry->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->row), box);

  entry->icon = gtk_image_new ();
  gtk_widget_set_valign (entry->icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_box_append (GTK_BOX (box), entry->icon);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (labels), title_box);
  entry->title_label = desk_wrapping_label_new (title, 28);
  gtk_box_append (GTK_BOX (title_box), entry->title_label);

  if (entry->uncertain)
    {
      /* Translators: a tag on a deadline whose rule is to be checked against its source */
      GtkWidget *tag = gtk_label_new (_("To verify"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "tag");
      gtk_widget_set_tooltip_text (tag, _("How this rule counts its period is to be verified "
                                          "against its source"));
      gtk_box_append (GTK_BOX (title_box), tag);
    }

  subtitle_label = desk_wrapping_label_new (subtitle, 32);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (labels), subtitle_label);

  entry->countdown_label = gtk_label_new (NULL);
  gtk_widget_set_valign (entry->countdown_label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (entry->countdown_label), 1);
  gtk_widget_add_css_class (entry->countdown_label, "numeric");
  gtk_box_append (GTK_BOX (box), entry->countdown_label);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, entry->title_label, NULL,
                                  -1);
  gtk_list_box_append (self->list_box, entry->row);
}

static gboolean
refresh_cb (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

/* }}} */
/* GtkWidget {{{ */

/* The countdowns run while they are in view, and are right again when they come back. */
static void
desk_due_list_map (GtkWidget *widget)
{
  DeskDueList *self = DESK_DUE_LIST (widget);

  GTK_WIDGET_CLASS (desk_due_list_parent_class)->map (widget);

  refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

static void
desk_due_list_unmap (GtkWidget *widget)
{
  DeskDueList *self = DESK_DUE_LIST (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (desk_due_list_parent_class)->unmap (widget);
}

/* }}} */
/* GObject {{{ */

static void
desk_due_list_dispose (GObject *object)
{
  DeskDueList *self = DESK_DUE_LIST (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_DUE_LIST);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_due_list_parent_class)->dispose (object);
}

static void
desk_due_list_class_init (DeskDueListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_due_list_dispose;
  widget_class->map = desk_due_list_map;
  widget_class->unmap = desk_due_list_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-due-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDueList, list_box);
  gtk_widget_class_bind_template_child (widget_class, DeskDueList, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, DeskDueList, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);
}

static void
desk_due_list_init (DeskDueList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  update_length (self);
  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::reminder-lead-hours",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_due_list_set_deadlines:
 * @store: (nullable): the store the deadlines are from, whose clock the countdowns follow
 * @deadlines: (nullable) (element-type DeskDeadline): the incident's deadlines, in the order
 *   desk_store_list_deadlines() gives them; %NULL for none
 */
void
desk_due_list_set_deadlines (DeskDueList *self,
                             DeskStore   *store,
                             GPtrArray   *deadlines)
{
  GtkListBoxRow *row;

  g_return_if_fail (DESK_IS_DUE_LIST (self));
  g_return_if_fail (store == NULL || DESK_IS_STORE (store));

  g_set_object (&self->store, store);

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));

  g_ptr_array_unref (self->entries);
  self->entries = gather_entries (deadlines, store ? desk_store_now (store) : 0);
  for (guint i = 0; i < self->entries->len; i++)
    add_row (self, g_ptr_array_index (self->entries, i));

  update_length (self);
  refresh (self);
}

/* Works out the countdowns again, e.g. after the store's clock moved. */
void
desk_due_list_refresh (DeskDueList *self)
{
  g_return_if_fail (DESK_IS_DUE_LIST (self));

  refresh (self);
}

guint
_desk_due_list_get_n_rows (DeskDueList *self)
{
  g_return_val_if_fail (DESK_IS_DUE_LIST (self), 0);

  return self->entries->len;
}

/* Returns: (transfer full): the texts of the @index-th row, e.g.
 *   "GDPR (EU): Notification | Supervisory authority · 17 Apr 2026, 09:00 CEST | in 5 h" */
char *
_desk_due_list_dup_row_text (DeskDueList *self,
                             guint        index)
{
  Entry *entry;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (DESK_IS_DUE_LIST (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, index);
  subtitle = entry_subtitle (entry);
  return g_strdup_printf ("%s | %s | %s", gtk_label_get_label (GTK_LABEL (entry->title_label)),
                          subtitle, gtk_label_get_label (GTK_LABEL (entry->countdown_label)));
}

/* }}} */
