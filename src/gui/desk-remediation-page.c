/* desk-remediation-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskRemediationPage shows an incident's remediation checklists, one DeskChecklistView each, and
 * adds new ones from the built-in templates (MFA rollout, ASM, patching, credential reset) or
 * empty. The page is the only part that talks to the store: the views and item rows inside it
 * call the page's private API (desk-remediation-page-private.h), so that every request shares
 * the page's cancellable and "loading" count. A template becomes a checklist on a worker thread
 * (desk_template_instantiate() is synchronous); its due dates count from the incident's
 * detection. Removing an item or a checklist leaves a tombstone that the toast's Undo lifts. */

#define G_LOG_DOMAIN "desk-remediation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist-view.h"
#include "desk-gui-utils.h"
#include "desk-remediation-text.h"
#include "desk-template.h"
#include "desk-remediation-page-private.h"

struct _DeskRemediationPage
{
  DeskIncidentPage  parent_instance;

  /* Template widgets */
  GtkLabel         *summary_label;
  GtkMenuButton    *add_checklist_button;
  GtkPopover       *templates_popover;
  GtkBox           *templates_box;
  GtkStack         *stack;
  GtkBox           *checklists_box;

  /* Owned */
  GPtrArray        *templates;     /* DeskTemplate, the built-in ones */
  GHashTable       *views;         /* checklist id → DeskChecklistView (borrowed from the box) */

  guint             serial;        /* the newest reload; answers to older ones are dropped */
  gint64            rename_id;     /* a checklist just added empty, to name after the reload */
};

G_DEFINE_FINAL_TYPE (DeskRemediationPage, desk_remediation_page, DESK_TYPE_INCIDENT_PAGE)

/* Requests {{{ */

typedef struct
{
  DeskRemediationPage *page;
  guint                serial;
  gint64               checklist_id;
  GPtrArray           *checklists;
  DeskRecord          *record;
} Request;

static Request *
request_new (DeskRemediationPage *page)
{
  Request *request = g_new0 (Request, 1);

  request->page = g_object_ref (page);
  request->serial = page->serial;
  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->page);
  g_clear_pointer (&request->checklists, g_ptr_array_unref);
  g_clear_object (&request->record);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* The data an Undo button needs: the page may be gone by the time someone presses it. */
typedef struct
{
  GWeakRef    page;
  DeskRecord *record;
} Undo;

static Undo *
undo_new (DeskRemediationPage *page,
          DeskRecord          *record)
{
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->page, page);
  undo->record = g_object_ref (record);
  return undo;
}

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->record);
  g_free (undo);
}

/* }}} */
/* Helpers {{{ */

static DeskStore *
get_store (DeskRemediationPage *self)
{
  return desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
}

static GCancellable *
get_cancellable (DeskRemediationPage *self)
{
  return desk_incident_page_get_cancellable (DESK_INCIDENT_PAGE (self));
}

static void
begin_loading (DeskRemediationPage *self)
{
  desk_incident_page_begin_loading (DESK_INCIDENT_PAGE (self));
}

static void
end_loading (DeskRemediationPage *self)
{
  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

/* Returns: (transfer full): @text shortened and escaped for a toast title, which is markup */
static char *
toast_quote (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\r\n\t", ' ');
  g_autofree char *shortened = NULL;

  if (g_utf8_strlen (flat, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (flat, 0, 39);

      shortened = g_strconcat (g_strchomp (start), "…", NULL);
    }
  else
    shortened = g_steal_pointer (&flat);

  return g_markup_escape_text (shortened, -1);
}

static DeskChecklistView *
lookup_view (DeskRemediationPage *self,
             gint64               checklist_id)
{
  return g_hash_table_lookup (self->views, &checklist_id);
}

static void
update_summary (DeskRemediationPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  guint n_checklists = g_hash_table_size (self->views);
  guint n_items = 0, n_complete = 0, n_overdue = 0;
  GHashTableIter iter;
  gpointer view;

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    for (guint i = 0; i < desk_checklist_view_get_n_items (view); i++)
      {
        DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, i);
        DeskRecord *item = DESK_RECORD (desk_checklist_item_row_get_item (row));

        n_items++;
        n_complete += desk_item_status_is_complete (desk_record_get_enum (item, "status"));
        n_overdue += desk_checklist_item_row_is_overdue (row);
      }

  if (n_checklists == 0)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u checklist", "%u checklists",
                                                     n_checklists), n_checklists));
  /* Translators: how many items of all checklists are done, e.g. "12 of 40 items done" */
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u of %u item done", "%u of %u items done",
                                                     n_items), n_complete, n_items));
  if (n_overdue > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u overdue", "%u overdue", n_overdue),
                                             n_overdue));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of the remediation summary, "3 checklists · 5 overdue" */
  text = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_label (self->summary_label, text);
}

static void
clear_views (DeskRemediationPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->views);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklists_box))) != NULL)
    gtk_box_remove (self->checklists_box, child);
}

/* Shows @checklists, in their order, with @items (of any of them). Views of checklists already
 * shown stay, so that focus and expanded rows survive a reload. */
static void
show_checklists (DeskRemediationPage *self,
                 GPtrArray           *checklists,
                 GPtrArray           *items)
{
  g_autoptr(GHashTable) by_checklist = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();
  gint64 now = _desk_remediation_page_now (self);
  GtkWidget *previous = NULL;
  DeskChecklistView *renamed = NULL;
  GHashTableIter iter;
  gpointer key, value;

  by_checklist = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);
      gint64 checklist_id = desk_record_get_int (item, "checklist-id");
      GPtrArray *list = g_hash_table_lookup (by_checklist, &checklist_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_checklist, g_memdup2 (&checklist_id, sizeof checklist_id), list);
        }
      g_ptr_array_add (list, item);
    }

  for (guint i = 0; i < checklists->len; i++)
    {
      DeskRecord *checklist = g_ptr_array_index (checklists, i);
      gint64 id = desk_record_get_id (checklist);
      DeskChecklistView *view = lookup_view (self, id);
      GPtrArray *list = g_hash_table_lookup (by_checklist, &id);

      if (view != NULL)
        desk_record_assign (DESK_RECORD (desk_checklist_view_get_checklist (view)), checklist);
      else
        {
          view = DESK_CHECKLIST_VIEW (desk_checklist_view_new (DESK_CHECKLIST (checklist)));
          gtk_box_append (self->checklists_box, GTK_WIDGET (view));
          g_hash_table_insert (self->views, g_memdup2 (&id, sizeof id), view);
        }

      gtk_box_reorder_child_after (self->checklists_box, GTK_WIDGET (view), previous);
      previous = GTK_WIDGET (view);

      desk_checklist_view_set_items (view, list ? list : no_items, now);
      g_hash_table_lookup_extended (self->views, &id, &key, NULL);
      g_hash_table_add (keep, key);

      if (id == self->rename_id)
        renamed = view;
    }

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key))
      {
        gtk_box_remove (self->checklists_box, value);
        g_hash_table_iter_remove (&iter);
      }

  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, checklists->len > 0 ? "checklists" : "empty");

  if (renamed != NULL)
    {
      self->rename_id = 0;
      desk_checklist_view_start_renaming (renamed);
    }
}

/* Reads the items of one checklist again, e.g. after a move renumbered them. */
static void reload_items (DeskRemediationPage *self,
                          gint64               checklist_id);

/* }}} */
/* Templates {{{ */

static void on_template_clicked_cb (DeskRemediationPage *self,
                                    GtkButton           *button);

/* A button of the Add Checklist popover: the template's title, what it is for, its size. */
static GtkWidget *
make_template_button (DeskRemediationPage *self,
                      const char          *id,
                      const char          *title,
                      const char          *description,
                      const char          *count,
                      const char          *tooltip)
{
  GtkWidget *button, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  if (count != NULL)
    {
      label = gtk_label_new (count);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "template-button");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "template-id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_template_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static void
fill_templates (DeskRemediationPage *self)
{
  g_autoptr(GError) error = NULL;

  self->templates = desk_template_load_builtin (&error);
  if (self->templates == NULL)
    {
      g_warning ("Could not load the checklist templates: %s", error->message);
      self->templates = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < self->templates->len; i++)
    {
      DeskTemplate *template = g_ptr_array_index (self->templates, i);
      guint n_items = desk_template_get_n_items (template);
      g_autofree char *count = g_strdup_printf (ngettext ("%u item", "%u items", n_items),
                                                n_items);
      /* Translators: the tooltip of a checklist template, e.g. "Add “MFA rollout” with its
       * 14 items" */
      g_autofree char *tooltip = g_strdup_printf (ngettext ("Add “%s” with its %u item",
                                                            "Add “%s” with its %u items",
                                                            n_items),
                                                  desk_template_get_title (template), n_items);

      gtk_box_append (self->templates_box,
                      make_template_button (self, desk_template_get_id (template),
                                            desk_template_get_title (template),
                                            desk_template_get_description (template),
                                            count, tooltip));
    }

  gtk_box_append (self->templates_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (self->templates_box,
                  make_template_button (self, "", _("Empty Checklist"),
                                        _("Start with no items and add your own."), NULL,
                                        _("Add a checklist with no items")));
}

typedef struct
{
  DeskStore    *store;
  DeskTemplate *template;
  DeskIncident *incident;
} Instantiate;

static void
instantiate_free (gpointer data)
{
  Instantiate *instantiate = data;

  g_clear_object (&instantiate->store);
  g_clear_object (&instantiate->template);
  g_clear_object (&instantiate->incident);
  g_free (instantiate);
}

static void
instantiate_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Instantiate *instantiate = task_data;
  GError *error = NULL;
  DeskChecklist *checklist;

  checklist = desk_template_instantiate (instantiate->template, instantiate->store,
                                         instantiate->incident, &error);
  if (checklist == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, checklist, g_object_unref);
}

static void
on_template_instantiated_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  Instantiate *instantiate = g_task_get_task_data (G_TASK (result));
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  guint n_items;

  checklist = g_task_propagate_pointer (G_TASK (result), &error);
  if (checklist == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not add the checklist"), error);
      end_loading (self);
      return;
    }

  desk_incident_page_reload (DESK_INCIDENT_PAGE (self));

  n_items = desk_template_get_n_items (instantiate->template);
  title = toast_quote (desk_record_get_string (DESK_RECORD (checklist), "title"));
  toast = g_strdup_printf (ngettext ("Checklist “%s” added with %u item",
                                     "Checklist “%s” added with %u items", n_items),
                           title, n_items);
  desk_show_toast (GTK_WIDGET (self), toast);

  end_loading (self);
}

/* }}} */
/* Callbacks {{{ */

static void
on_checklists_items_loaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (items == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->serial == self->serial)
    {
      if (items == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the checklists"), error);
      else
        show_checklists (self, request->checklists, items);
    }

  end_loading (self);
}

static void
on_checklists_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;

  request->checklists = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (request->checklists == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->serial != self->serial || request->checklists == NULL)
    {
      if (request->checklists == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the checklists"), error);
      end_loading (self);
      return;
    }

  /* One request for the items of all checklists, rather than one per checklist. */
  desk_store_list_async (DESK_STORE (object), DESK_TYPE_CHECKLIST_ITEM, "incident-id",
                         desk_incident_page_get_incident_id (DESK_INCIDENT_PAGE (self)),
                         get_cancellable (self),
                         on_checklists_items_loaded_cb, g_steal_pointer (&request));
}

static void
on_items_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  DeskChecklistView *view;

  items = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (items == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    desk_show_error (GTK_WIDGET (self), _("Could not read the checklist’s items"), error);
  else if ((view = lookup_view (self, request->checklist_id)) != NULL)
    {
      desk_checklist_view_set_items (view, items, _desk_remediation_page_now (self));
      update_summary (self);
    }

  end_loading (self);
}

static void
reload_items (DeskRemediationPage *self,
              gint64               checklist_id)
{
  Request *request = request_new (self);

  request->checklist_id = checklist_id;
  begin_loading (self);
  desk_store_list_async (get_store (self), DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                         checklist_id, get_cancellable (self), on_items_loaded_cb, request);
}

/* After a change to one item of a checklist: its items again, or, if it failed, too. */
static void
on_item_changed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == desk_store_move_async)
    ok = desk_store_move_finish (DESK_STORE (object), result, &error);
  else
    ok = desk_store_save_finish (DESK_STORE (object), result, &error);

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!ok)
    desk_show_error (GTK_WIDGET (self), _("Could not save the checklist item"), error);

  /* A move renumbers the siblings and a new item needs a row: read them again. A failed save
   * shows what is stored again. A good save has already updated the row. */
  if (!ok || request->record == NULL)
    reload_items (self, request->checklist_id);
  else
    update_summary (self);

  end_loading (self);
}

static void
on_item_restored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not restore the item"), error);
    }
  else if (lookup_view (self, request->checklist_id) != NULL)
    reload_items (self, request->checklist_id);

  end_loading (self);
}

static void
undo_remove_item (gpointer data)
{
  Undo *undo = data;
  g_autoptr(DeskRemediationPage) self = g_weak_ref_get (&undo->page);
  Request *request;

  if (self == NULL || get_store (self) == NULL)
    return;

  request = request_new (self);
  request->checklist_id = desk_record_get_int (undo->record, "checklist-id");
  begin_loading (self);
  desk_store_set_deleted_async (get_store (self), undo->record, FALSE, get_cancellable (self),
                                on_item_restored_cb, request);
}

static void
on_item_removed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not remove the item"), error);
      end_loading (self);
      return;
    }

  reload_items (self, request->checklist_id);

  text = toast_quote (desk_record_get_string (request->record, "text"));
  title = g_strdup_printf (_("Item “%s” removed"), text);
  desk_show_undo_toast (GTK_WIDGET (self), title, undo_remove_item,
                        undo_new (self, request->record), undo_free);

  end_loading (self);
}

static void
on_checklist_saved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_finish (DESK_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not save the checklist"), error);
      desk_incident_page_reload (DESK_INCIDENT_PAGE (self));
    }
  else if (request->checklist_id == 0)
    {
      /* A new, empty checklist: name it first. */
      self->rename_id = desk_record_get_id (request->record);
      desk_incident_page_reload (DESK_INCIDENT_PAGE (self));
    }

  end_loading (self);
}

static void
on_checklist_restored_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not restore the checklist"), error);
    }
  else
    desk_incident_page_reload (DESK_INCIDENT_PAGE (self));

  end_loading (self);
}

static void
undo_delete_checklist (gpointer data)
{
  Undo *undo = data;
  g_autoptr(DeskRemediationPage) self = g_weak_ref_get (&undo->page);

  if (self == NULL || get_store (self) == NULL)
    return;

  begin_loading (self);
  desk_store_set_deleted_async (get_store (self), undo->record, FALSE, get_cancellable (self),
                                on_checklist_restored_cb, request_new (self));
}

static void
on_checklist_deleted_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not delete the checklist"), error);
      end_loading (self);
      return;
    }

  desk_incident_page_reload (DESK_INCIDENT_PAGE (self));

  text = toast_quote (desk_record_get_string (request->record, "title"));
  title = g_strdup_printf (_("Checklist “%s” deleted"), text);
  desk_show_undo_toast (GTK_WIDGET (self), title, undo_delete_checklist,
                        undo_new (self, request->record), undo_free);

  end_loading (self);
}

static void
delete_checklist (DeskRemediationPage *self,
                  DeskRecord          *checklist)
{
  Request *request = request_new (self);

  request->record = g_object_ref (checklist);
  begin_loading (self);
  desk_store_set_deleted_async (get_store (self), checklist, TRUE, get_cancellable (self),
                                on_checklist_deleted_cb, request);
}

static void
on_delete_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskRemediationPage *self = request->page;
  g_autoptr(GError) error = NULL;
  gboolean confirmed;

  confirmed = desk_confirm_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (confirmed && get_store (self) != NULL)
    delete_checklist (self, request->record);
}

static void
on_template_clicked_cb (DeskRemediationPage *self,
                        GtkButton           *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "template-id");

  gtk_popover_popdown (self->templates_popover);
  _desk_remediation_page_add_checklist (self, id);
}

static void
on_empty_add_clicked_cb (DeskRemediationPage *self)
{
  gtk_menu_button_popup (self->add_checklist_button);
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_remediation_page_reload (DeskIncidentPage *page)
{
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (page);
  DeskStore *store = desk_incident_page_get_store (page);
  DeskIncident *incident = desk_incident_page_get_incident (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);

  self->serial++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_checklist_button),
                            store != NULL && incident != NULL);

  /* Another incident's checklists share nothing with these: start afresh. */
  if (g_hash_table_size (self->views) > 0)
    {
      GHashTableIter iter;
      gpointer view;

      g_hash_table_iter_init (&iter, self->views);
      if (g_hash_table_iter_next (&iter, NULL, &view) &&
          desk_record_get_int (DESK_RECORD (desk_checklist_view_get_checklist (view)),
                               "incident-id") != incident_id)
        clear_views (self);
    }

  if (store == NULL || incident == NULL)
    {
      clear_views (self);
      update_summary (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  begin_loading (self);
  desk_store_list_async (store, DESK_TYPE_CHECKLIST, "incident-id", incident_id,
                         desk_incident_page_get_cancellable (page),
                         on_checklists_loaded_cb, request_new (self));
}

/* }}} */
/* GtkWidget {{{ */

/* Other pages and other programs change the incident too: read it again whenever the page comes
 * into view. */
static void
desk_remediation_page_map (GtkWidget *widget)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (widget);

  GTK_WIDGET_CLASS (desk_remediation_page_parent_class)->map (widget);

  if (desk_incident_page_get_store (page) != NULL && desk_incident_page_get_incident (page) != NULL)
    desk_incident_page_reload (page);
}

/* }}} */
/* GObject {{{ */

static void
desk_remediation_page_dispose (GObject *object)
{
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (object);

  g_clear_pointer (&self->views, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_REMEDIATION_PAGE);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_remediation_page_parent_class)->dispose (object);
}

static void
desk_remediation_page_class_init (DeskRemediationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_remediation_page_dispose;

  widget_class->map = desk_remediation_page_map;

  page_class->reload = desk_remediation_page_reload;

  g_type_ensure (DESK_TYPE_CHECKLIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-remediation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, add_checklist_button);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, templates_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, templates_box);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, checklists_box);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_add_clicked_cb);
}

static void
desk_remediation_page_init (DeskRemediationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->views = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  fill_templates (self);
}

/* }}} */
/* Private API {{{ */

/* Returns: the store's idea of now, which tests can fix */
gint64
_desk_remediation_page_now (DeskRemediationPage *self)
{
  DeskStore *store = get_store (self);

  return store ? desk_store_now (store) : g_get_real_time () / G_USEC_PER_SEC;
}

/* Saves @item, changed in place by its row. */
void
_desk_remediation_page_save_item (DeskRemediationPage *self,
                                  DeskChecklistItem   *item)
{
  Request *request;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM (item));

  if (get_store (self) == NULL)
    return;

  request = request_new (self);
  request->checklist_id = desk_record_get_int (DESK_RECORD (item), "checklist-id");
  request->record = g_object_ref (DESK_RECORD (item));

  begin_loading (self);
  desk_store_save_async (get_store (self), DESK_RECORD (item), get_cancellable (self),
                         on_item_changed_cb, request);
}

/* Moves @item to @position among its checklist's items; the view follows. */
void
_desk_remediation_page_move_item (DeskRemediationPage *self,
                                  DeskChecklistItem   *item,
                                  guint                position)
{
  Request *request;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM (item));

  if (get_store (self) == NULL)
    return;

  request = request_new (self);
  request->checklist_id = desk_record_get_int (DESK_RECORD (item), "checklist-id");

  begin_loading (self);
  desk_store_move_async (get_store (self), DESK_RECORD (item), position, get_cancellable (self),
                         on_item_changed_cb, request);
}

/* Removes @item, with an undo toast. */
void
_desk_remediation_page_remove_item (DeskRemediationPage *self,
                                    DeskChecklistItem   *item)
{
  Request *request;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM (item));

  if (get_store (self) == NULL)
    return;

  request = request_new (self);
  request->checklist_id = desk_record_get_int (DESK_RECORD (item), "checklist-id");
  request->record = g_object_ref (DESK_RECORD (item));

  begin_loading (self);
  desk_store_set_deleted_async (get_store (self), DESK_RECORD (item), TRUE,
                                get_cancellable (self), on_item_removed_cb, request);
}

/* Adds an item saying @text at the end of @checklist. */
void
_desk_remediation_page_add_item (DeskRemediationPage *self,
                                 DeskChecklist       *checklist,
                                 const char          *text)
{
  DeskChecklistView *view;
  g_autoptr(DeskChecklistItem) item = NULL;
  gint64 id = desk_record_get_id (DESK_RECORD (checklist));
  gint64 position = 0;
  Request *request;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST (checklist));
  g_return_if_fail (text != NULL && *text != '\0');

  if (get_store (self) == NULL)
    return;

  if ((view = lookup_view (self, id)) != NULL)
    for (guint i = 0; i < desk_checklist_view_get_n_items (view); i++)
      {
        DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, i);
        DeskRecord *other = DESK_RECORD (desk_checklist_item_row_get_item (row));

        position = MAX (position, desk_record_get_int (other, "position") + 1);
      }

  item = desk_checklist_item_new (checklist, text);
  desk_record_set_int (DESK_RECORD (item), "position", position);

  request = request_new (self);
  request->checklist_id = id;

  begin_loading (self);
  desk_store_save_async (get_store (self), DESK_RECORD (item), get_cancellable (self),
                         on_item_changed_cb, request);
}

/* Saves @checklist, renamed in place by its view. */
void
_desk_remediation_page_save_checklist (DeskRemediationPage *self,
                                       DeskChecklist       *checklist)
{
  Request *request;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST (checklist));

  if (get_store (self) == NULL)
    return;

  request = request_new (self);
  request->checklist_id = desk_record_get_id (DESK_RECORD (checklist));
  request->record = g_object_ref (DESK_RECORD (checklist));

  begin_loading (self);
  desk_store_save_async (get_store (self), DESK_RECORD (checklist), get_cancellable (self),
                         on_checklist_saved_cb, request);
}

/**
 * _desk_remediation_page_delete_checklist:
 * @confirm: whether to ask first
 *
 * Deletes @checklist with its items out of view, with an undo toast.
 */
void
_desk_remediation_page_delete_checklist (DeskRemediationPage *self,
                                         DeskChecklist       *checklist,
                                         gboolean             confirm)
{
  DeskRecord *record = DESK_RECORD (checklist);
  DeskChecklistView *view;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  Request *request;
  guint n_items;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST (checklist));

  if (get_store (self) == NULL)
    return;

  if (!confirm)
    {
      delete_checklist (self, record);
      return;
    }

  view = lookup_view (self, desk_record_get_id (record));
  n_items = view ? desk_checklist_view_get_n_items (view) : 0;

  heading = g_strdup_printf (_("Delete “%s”?"), desk_record_get_string (record, "title"));
  if (n_items > 0)
    body = g_strdup_printf (ngettext ("Its %u item goes with it. You can undo this for a few "
                                      "seconds.",
                                      "Its %u items go with it. You can undo this for a few "
                                      "seconds.", n_items), n_items);
  else
    body = g_strdup (_("You can undo this for a few seconds."));

  request = request_new (self);
  request->record = g_object_ref (record);

  desk_confirm_async (GTK_WIDGET (self), heading, body, _("_Delete"), get_cancellable (self),
                      on_delete_confirmed_cb, request);
}

/**
 * _desk_remediation_page_add_checklist:
 * @template_id: (nullable): the id of a built-in template, e.g. "patching", or %NULL or "" for an
 *   empty checklist
 *
 * Adds a checklist to the incident, after its others.
 */
void
_desk_remediation_page_add_checklist (DeskRemediationPage *self,
                                      const char          *template_id)
{
  DeskIncident *incident = desk_incident_page_get_incident (DESK_INCIDENT_PAGE (self));
  DeskStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  DeskTemplate *template;
  Instantiate *instantiate;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));

  if (store == NULL || incident == NULL)
    return;

  if (template_id == NULL || *template_id == '\0')
    {
      g_autoptr(DeskChecklist) checklist = desk_checklist_new (incident, _("New Checklist"));
      Request *request = request_new (self);
      gint64 position = 0;
      GHashTableIter iter;
      gpointer view;

      g_hash_table_iter_init (&iter, self->views);
      while (g_hash_table_iter_next (&iter, NULL, &view))
        position = MAX (position,
                        desk_record_get_int (DESK_RECORD (desk_checklist_view_get_checklist (view)),
                                             "position") + 1);
      desk_record_set_int (DESK_RECORD (checklist), "position", position);

      request->record = g_object_ref (DESK_RECORD (checklist));
      begin_loading (self);
      desk_store_save_async (store, DESK_RECORD (checklist), get_cancellable (self),
                             on_checklist_saved_cb, request);
      return;
    }

  template = desk_template_find (self->templates, template_id, &error);
  if (template == NULL)
    {
      desk_show_error (GTK_WIDGET (self), _("Could not add the checklist"), error);
      return;
    }

  /* The worker reads a copy of the incident: the Overview page may be editing this one. */
  instantiate = g_new0 (Instantiate, 1);
  instantiate->store = g_object_ref (store);
  instantiate->template = g_object_ref (template);
  instantiate->incident = DESK_INCIDENT (desk_record_copy (DESK_RECORD (incident)));

  /* No source object: the task may be freed on the worker thread, and widgets must not be. */
  task = g_task_new (NULL, get_cancellable (self), on_template_instantiated_cb,
                     request_new (self));
  g_task_set_source_tag (task, _desk_remediation_page_add_checklist);
  g_task_set_task_data (task, instantiate, instantiate_free);

  begin_loading (self);
  g_task_run_in_thread (task, instantiate_worker);
}

/* Returns: "loading", "empty" or "checklists" */
const char *
_desk_remediation_page_get_visible_state (DeskRemediationPage *self)
{
  g_return_val_if_fail (DESK_IS_REMEDIATION_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
_desk_remediation_page_get_n_checklists (DeskRemediationPage *self)
{
  g_return_val_if_fail (DESK_IS_REMEDIATION_PAGE (self), 0);

  return g_hash_table_size (self->views);
}

/* Returns: (transfer none) (nullable): the DeskChecklistView at @index, in the page's order */
GtkWidget *
_desk_remediation_page_get_checklist_view (DeskRemediationPage *self,
                                           guint                index)
{
  GtkWidget *child;

  g_return_val_if_fail (DESK_IS_REMEDIATION_PAGE (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->checklists_box));
       child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;

  return child;
}

/* }}} */
