/* desk-checklist-view.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskChecklistView is one checklist on the remediation page: its title (editable in place), its
 * progress ("9 of 14 done", items not applicable count as done) and its items in a boxed list,
 * ending with an "Add Item" row. The view only shows: the page reads and writes the store and
 * hands the view its items. When the items come again (after a move, say), rows are kept and
 * re-sorted by position, so that focus and expanded rows stay where they were. */

#define G_LOG_DOMAIN "desk-checklist-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-checklist-view.h"
#include "desk-gui-utils.h"
#include "desk-remediation-page-private.h"
#include "desk-remediation-text.h"

struct _DeskChecklistView
{
  GtkBox             parent_instance;

  /* Template widgets */
  GtkStack          *title_stack;
  GtkLabel          *title_label;
  GtkEntry          *title_entry;
  GtkMenuButton     *menu_button;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkListBox        *item_list;
  AdwEntryRow       *add_row;

  /* Owned */
  DeskChecklist     *checklist;
  GHashTable        *rows;        /* item id → DeskChecklistItemRow (borrowed from the list) */
};

G_DEFINE_FINAL_TYPE (DeskChecklistView, desk_checklist_view, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

static DeskRemediationPage *
get_page (DeskChecklistView *self)
{
  return (DeskRemediationPage *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                          DESK_TYPE_REMEDIATION_PAGE);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  gboolean a_is_item = DESK_IS_CHECKLIST_ITEM_ROW (a);
  gboolean b_is_item = DESK_IS_CHECKLIST_ITEM_ROW (b);
  DeskRecord *item_a, *item_b;
  gint64 pa, pb;

  /* The Add Item row comes last. */
  if (!a_is_item || !b_is_item)
    return a_is_item == b_is_item ? 0 : a_is_item ? -1 : 1;

  item_a = DESK_RECORD (desk_checklist_item_row_get_item (DESK_CHECKLIST_ITEM_ROW (a)));
  item_b = DESK_RECORD (desk_checklist_item_row_get_item (DESK_CHECKLIST_ITEM_ROW (b)));
  pa = desk_record_get_int (item_a, "position");
  pb = desk_record_get_int (item_b, "position");
  if (pa != pb)
    return pa < pb ? -1 : 1;

  pa = desk_record_get_created_at (item_a);
  pb = desk_record_get_created_at (item_b);
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

static void
update_progress (DeskChecklistView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  guint n_items = 0, n_complete = 0;
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      DeskRecord *item = DESK_RECORD (desk_checklist_item_row_get_item (row));

      n_items++;
      if (desk_item_status_is_complete (desk_record_get_enum (item, "status")))
        n_complete++;
    }

  text = desk_checklist_progress_text (n_complete, n_items);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_items > 0 ? (double) n_complete / n_items : 0.0);

  /* Translators: the accessible name of a checklist's progress bar, e.g. "Progress of
   * “Patching”: 9 of 14 done" */
  label = g_strdup_printf (_("Progress of “%s”: %s"),
                           desk_record_get_string (DESK_RECORD (self->checklist), "title"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_neighbours (DeskChecklistView *self)
{
  guint n_items = g_hash_table_size (self->rows);

  for (guint i = 0; i < n_items; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->item_list, i);

      if (DESK_IS_CHECKLIST_ITEM_ROW (row))
        desk_checklist_item_row_set_neighbours (DESK_CHECKLIST_ITEM_ROW (row),
                                                i > 0, i + 1 < n_items);
    }
}

static gboolean
is_renaming (DeskChecklistView *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "entry") == 0;
}

static void
update_title (DeskChecklistView *self)
{
  const char *title = desk_record_get_string (DESK_RECORD (self->checklist), "title");

  gtk_label_set_label (self->title_label, title ? title : "");
}

/* Leaves the title entry, saving what it says if @commit. */
static void
stop_renaming (DeskChecklistView *self,
               gboolean           commit)
{
  DeskRemediationPage *page = get_page (self);
  DeskRecord *checklist = DESK_RECORD (self->checklist);
  g_autofree char *title = NULL;
  gboolean had_focus;

  if (!is_renaming (self))
    return;

  had_focus = (gtk_widget_get_state_flags (GTK_WIDGET (self->title_entry)) &
               GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  gtk_stack_set_visible_child_name (self->title_stack, "label");
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));

  /* A checklist needs a title: an empty one leaves the stored one. */
  if (!commit || *title == '\0' ||
      g_strcmp0 (title, desk_record_get_string (checklist, "title")) == 0)
    return;

  desk_record_set_string (checklist, "title", title);
  if (page != NULL)
    _desk_remediation_page_save_checklist (page, self->checklist);
}

/* }}} */
/* Callbacks {{{ */

static void
on_item_status_changed_cb (DeskChecklistView *self)
{
  update_progress (self);
}

static void
on_checklist_title_changed_cb (DeskChecklistView *self)
{
  update_title (self);
  update_progress (self);
}

static void
on_title_entry_activated_cb (DeskChecklistView *self)
{
  stop_renaming (self, TRUE);
}

static gboolean
on_title_entry_key_pressed_cb (DeskChecklistView *self,
                               guint              keyval,
                               guint              keycode,
                               GdkModifierType    state)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  stop_renaming (self, FALSE);
  return GDK_EVENT_STOP;
}

static void
on_title_entry_focus_left_cb (DeskChecklistView *self)
{
  /* Clicking elsewhere keeps the new title, but a view going away saves nothing. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    stop_renaming (self, TRUE);
}

static void
on_add_row_applied_cb (DeskChecklistView *self)
{
  DeskRemediationPage *page = get_page (self);
  g_autofree char *text = NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  if (*text == '\0' || page == NULL)
    return;

  _desk_remediation_page_add_item (page, self->checklist, text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

/* }}} */
/* Actions {{{ */

static void
desk_checklist_view_rename_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  desk_checklist_view_start_renaming (DESK_CHECKLIST_VIEW (widget));
}

static void
desk_checklist_view_delete_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (widget);
  DeskRemediationPage *page = get_page (self);

  if (page != NULL)
    _desk_remediation_page_delete_checklist (page, self->checklist, TRUE);
}

/* checklist.report "export", "print" or "copy": the window's win.*-report for this checklist
 * alone. */
static void
desk_checklist_view_report_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (widget);
  g_autofree char *window_action = g_strdup_printf ("win.%s-report",
                                                    g_variant_get_string (parameter, NULL));

  gtk_widget_activate_action (widget, window_action, "(ss)", "checklists",
                              desk_record_get_uuid (DESK_RECORD (self->checklist)));
}

/* }}} */
/* GObject {{{ */

static void
desk_checklist_view_constructed (GObject *object)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (object);

  G_OBJECT_CLASS (desk_checklist_view_parent_class)->constructed (object);

  g_assert (DESK_IS_CHECKLIST (self->checklist));

  g_signal_connect_object (self->checklist, "notify::title",
                           G_CALLBACK (on_checklist_title_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_progress (self);
}

static void
desk_checklist_view_dispose (GObject *object)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CHECKLIST_VIEW);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (desk_checklist_view_parent_class)->dispose (object);
}

static void
desk_checklist_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_checklist_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      self->checklist = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_checklist_view_class_init (DeskChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_checklist_view_constructed;
  object_class->dispose = desk_checklist_view_dispose;
  object_class->get_property = desk_checklist_view_get_property;
  object_class->set_property = desk_checklist_view_set_property;

  /**
   * DeskChecklistView:checklist:
   *
   * The checklist the view shows.
   */
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, DESK_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_CHECKLIST_ITEM_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, title_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, item_list);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, add_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_entry_focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_applied_cb);

  gtk_widget_class_install_action (widget_class, "checklist.rename", NULL,
                                   desk_checklist_view_rename_action);
  gtk_widget_class_install_action (widget_class, "checklist.delete", NULL,
                                   desk_checklist_view_delete_action);
  gtk_widget_class_install_action (widget_class, "checklist.report", "s",
                                   desk_checklist_view_report_action);
}

static void
desk_checklist_view_init (DeskChecklistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_entry_row_apply (self->add_row);

  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_sort_func (self->item_list, sort_rows, NULL, NULL);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
desk_checklist_view_new (DeskChecklist *checklist)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST (checklist), NULL);

  return g_object_new (DESK_TYPE_CHECKLIST_VIEW, "checklist", checklist, NULL);
}

/* Returns: (transfer none): the checklist the view shows */
DeskChecklist *
desk_checklist_view_get_checklist (DeskChecklistView *self)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_VIEW (self), NULL);

  return self->checklist;
}

/**
 * desk_checklist_view_set_items:
 * @items: (element-type DeskChecklistItem): the checklist's items, as the store has them
 * @now: the current time, for telling overdue items
 *
 * Shows @items. Rows of items already shown stay (their items take the new values); rows of
 * items no longer in @items go.
 */
void
desk_checklist_view_set_items (DeskChecklistView *self,
                               GPtrArray         *items,
                               gint64             now)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (DESK_IS_CHECKLIST_VIEW (self));
  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    {
      DeskChecklistItem *item = g_ptr_array_index (items, i);
      gint64 id = desk_record_get_id (DESK_RECORD (item));
      DeskChecklistItemRow *row = g_hash_table_lookup (self->rows, &id);

      if (row != NULL)
        {
          desk_checklist_item_row_set_now (row, now);
          desk_record_assign (DESK_RECORD (desk_checklist_item_row_get_item (row)),
                              DESK_RECORD (item));
        }
      else
        {
          gint64 *owned_id = g_new (gint64, 1);

          *owned_id = id;
          row = DESK_CHECKLIST_ITEM_ROW (desk_checklist_item_row_new (item, now));
          g_signal_connect_object (item, "notify::status",
                                   G_CALLBACK (on_item_status_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_list_box_append (self->item_list, GTK_WIDGET (row));
          g_hash_table_insert (self->rows, owned_id, row);
        }

      if (g_hash_table_lookup_extended (self->rows, &id, &key, NULL))
        g_hash_table_add (keep, key);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key))
      {
        gtk_list_box_remove (self->item_list, value);
        g_hash_table_iter_remove (&iter);
      }

  gtk_list_box_invalidate_sort (self->item_list);
  update_neighbours (self);
  update_progress (self);
}

guint
desk_checklist_view_get_n_items (DeskChecklistView *self)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_VIEW (self), 0);

  return g_hash_table_size (self->rows);
}

/* Returns: (transfer none) (nullable): the row of the item at @index, in the list's order */
DeskChecklistItemRow *
desk_checklist_view_get_item_row (DeskChecklistView *self,
                                  guint              index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DESK_IS_CHECKLIST_VIEW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->item_list, index);
  return DESK_IS_CHECKLIST_ITEM_ROW (row) ? DESK_CHECKLIST_ITEM_ROW (row) : NULL;
}

/* Returns: the progress line, e.g. "9 of 14 done" */
const char *
desk_checklist_view_get_progress_text (DeskChecklistView *self)
{
  g_return_val_if_fail (DESK_IS_CHECKLIST_VIEW (self), NULL);

  return gtk_label_get_label (self->progress_label);
}

/* Shows an entry in place of the title, as for a new checklist; Enter saves, Escape cancels. */
void
desk_checklist_view_start_renaming (DeskChecklistView *self)
{
  g_return_if_fail (DESK_IS_CHECKLIST_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         desk_record_get_string (DESK_RECORD (self->checklist), "title"));
  gtk_stack_set_visible_child_name (self->title_stack, "entry");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

/* Scrolls the checklist, just added, into view once it has its place, and leaves the keyboard
 * on its header: the title entry while it is being named, else the checklist's menu. */
void
desk_checklist_view_reveal (DeskChecklistView *self)
{
  gboolean renaming;

  g_return_if_fail (DESK_IS_CHECKLIST_VIEW (self));

  renaming = g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "entry") == 0;
  desk_reveal_when_placed (GTK_WIDGET (self), renaming ? GTK_WIDGET (self->title_entry)
                                                       : GTK_WIDGET (self->menu_button));
}

/* }}} */
