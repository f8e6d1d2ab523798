/* desk-categories-group.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskCategoriesGroup is the Overview page's list of the incident's breach categories ("Account
 * credentials", "Mail contents"), one DeskCategoryRow each with the confirmed contracts in it.
 * Categories are added (the new one's name gets the focus), renamed in place and removed with an
 * undo toast; removing one that holds contracts asks first. Edits go through the page's
 * DeskEditQueue; reads go through the DeskIncidentPage the group is in, so that they share its
 * cancellable and "loading" count. */

#define G_LOG_DOMAIN "desk-categories-group"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-category-row.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-page-utils.h"
#include "desk-categories-group.h"

struct _DeskCategoriesGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *add_category_button;
  GtkListBox          *category_list;

  /* Owned */
  GListStore          *categories;         /* DeskCategory: the shown incident's */
  DeskEditQueue       *edits;
  DeskStats           *stats;              /* the incident's latest figures, if known */
  gint64               focus_category_id;  /* a new category whose row gets the focus */
  guint                serial;             /* the newest reload; answers to older ones drop */
};

G_DEFINE_FINAL_TYPE (DeskCategoriesGroup, desk_categories_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CATEGORIES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static DeskIncidentPage *
get_page (DeskCategoriesGroup *self)
{
  return (DeskIncidentPage *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                       DESK_TYPE_INCIDENT_PAGE);
}

static DeskStore *
get_store (DeskCategoriesGroup *self)
{
  DeskIncidentPage *page = get_page (self);

  return page ? desk_incident_page_get_store (page) : NULL;
}

/* Whether @category belongs to the incident the page shows now. */
static gboolean
is_current (DeskCategoriesGroup *self,
            DeskRecord          *category)
{
  DeskIncidentPage *page = get_page (self);
  gint64 incident_id = page ? desk_incident_page_get_incident_id (page) : 0;

  return incident_id != 0 && desk_record_get_int (category, "incident-id") == incident_id;
}

static void
update_category_counts (DeskCategoriesGroup *self)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->category_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DeskCategory *category;
      gint64 contracts = -1;

      if (!DESK_IS_CATEGORY_ROW (child))
        continue;

      category = desk_category_row_get_category (DESK_CATEGORY_ROW (child));
      for (guint i = 0; self->stats != NULL && i < self->stats->categories->len; i++)
        {
          DeskCategoryCount *count = g_ptr_array_index (self->stats->categories, i);

          if (g_strcmp0 (count->uuid, desk_record_get_uuid (DESK_RECORD (category))) == 0)
            contracts = count->contracts;
        }

      desk_category_row_set_contracts (DESK_CATEGORY_ROW (child), contracts);
    }
}

static guint
find_category (DeskCategoriesGroup *self,
               gint64               id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->categories));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskRecord) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      if (desk_record_get_id (category) == id)
        return i;
    }

  return G_MAXUINT;
}

static void
show_categories (DeskCategoriesGroup *self,
                 GPtrArray           *records)
{
  GListModel *model = G_LIST_MODEL (self->categories);
  guint n_items = g_list_model_get_n_items (model);
  gboolean same = n_items == records->len;
  guint position;

  for (guint i = 0; same && i < n_items; i++)
    {
      g_autoptr(DeskRecord) shown = g_list_model_get_item (model, i);

      same = desk_record_get_id (shown) == desk_record_get_id (g_ptr_array_index (records, i));
    }

  if (same)
    {
      /* Keep the rows, and whatever is being typed in them: only names change. */
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DeskRecord) shown = g_list_model_get_item (model, i);

          desk_record_assign (shown, g_ptr_array_index (records, i));
        }
    }
  else
    g_list_store_splice (self->categories, 0, n_items, records->pdata, records->len);

  update_category_counts (self);

  if (self->focus_category_id != 0
      && (position = find_category (self, self->focus_category_id)) != G_MAXUINT)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->category_list, (int) position);

      self->focus_category_id = 0;
      if (row != NULL)
        desk_reveal_when_placed (GTK_WIDGET (row), GTK_WIDGET (row));
    }
}

static gint64
next_category_position (DeskCategoriesGroup *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  gint64 position = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskRecord) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      position = MAX (position, desk_record_get_int (category, "position") + 1);
    }

  return position;
}

/* }}} */
/* Loading {{{ */

static void
on_categories_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskCategoriesGroup *self = DESK_CATEGORIES_GROUP (request->owner);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A later request is under way: its answer is the newer one. */
  if (request->serial == self->serial)
    {
      if (records == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the breach categories"), error);
      else
        show_categories (self, records);
    }

  desk_page_request_end (request);
}

/* }}} */
/* Edits {{{ */

static void
on_category_changed_cb (gpointer  owner,
                        DeskEdit *edit)
{
  DeskCategoriesGroup *self = owner;

  if (!is_current (self, desk_edit_get_record (edit)))
    return;

  desk_categories_group_reload (self);
  g_signal_emit (self, signals[CATEGORIES_CHANGED], 0);
}

static void
on_category_created_cb (gpointer  owner,
                        DeskEdit *edit)
{
  DeskCategoriesGroup *self = owner;

  if (!is_current (self, desk_edit_get_record (edit)))
    return;

  self->focus_category_id = desk_record_get_id (desk_edit_get_record (edit));
  on_category_changed_cb (self, edit);
}

/* A category being removed, for the confirmation and the toast's Undo. */
typedef struct
{
  GWeakRef      group;
  DeskStore    *store;
  DeskCategory *category;
} Removal;

static Removal *
removal_new (DeskCategoriesGroup *self,
             DeskStore           *store,
             DeskCategory        *category)
{
  Removal *removal = g_new0 (Removal, 1);

  g_weak_ref_init (&removal->group, self);
  removal->store = g_object_ref (store);
  removal->category = g_object_ref (category);
  return removal;
}

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_weak_ref_clear (&removal->group);
  g_clear_object (&removal->store);
  g_clear_object (&removal->category);
  g_free (removal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Removal, removal_free)

/* Returns: (transfer full) (nullable): the group of @removal, if its page is still there */
static DeskCategoriesGroup *
removal_dup_group (Removal *removal)
{
  g_autoptr(DeskCategoriesGroup) self = g_weak_ref_get (&removal->group);

  if (self == NULL || self->edits == NULL || desk_edit_queue_is_closed (self->edits))
    return NULL;

  return g_steal_pointer (&self);
}

static void
undo_removal (gpointer user_data)
{
  Removal *removal = user_data;
  g_autoptr(DeskCategoriesGroup) self = removal_dup_group (removal);

  if (self != NULL)
    desk_edit_queue_push (self->edits,
                          desk_edit_new (DESK_EDIT_RESTORE, removal->store, removal->category,
                                         _("Could not restore the breach category")),
                          GTK_WIDGET (self), on_category_changed_cb);
  else
    desk_store_set_deleted_async (removal->store, DESK_RECORD (removal->category), FALSE, NULL,
                                  NULL, NULL);
}

static void
on_category_deleted_cb (gpointer  owner,
                        DeskEdit *edit)
{
  DeskCategoriesGroup *self = owner;
  DeskRecord *category = desk_edit_get_record (edit);
  const char *name = desk_record_get_string (category, "name");
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  guint position;

  if (is_current (self, category))
    {
      position = find_category (self, desk_record_get_id (category));
      if (position != G_MAXUINT)
        g_list_store_remove (self->categories, position);
      on_category_changed_cb (self, edit);
    }

  /* Translators: a toast; %s is the name of a breach category */
  title = g_strdup_printf (_("“%s” removed"), name ? name : "");
  escaped = g_markup_escape_text (title, -1);
  desk_show_undo_toast (GTK_WIDGET (self), escaped, undo_removal,
                        removal_new (self, desk_edit_get_store (edit), DESK_CATEGORY (category)),
                        removal_free);
}

static void
remove_category (DeskCategoriesGroup *self,
                 DeskCategory        *category)
{
  DeskStore *store = get_store (self);

  if (store == NULL || self->edits == NULL)
    return;

  desk_edit_queue_push (self->edits,
                        desk_edit_new (DESK_EDIT_DELETE, store, category,
                                       _("Could not remove the breach category")),
                        GTK_WIDGET (self), on_category_deleted_cb);
}

/* }}} */
/* Callbacks {{{ */

static void
on_remove_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  g_autoptr(DeskCategoriesGroup) self = removal_dup_group (removal);

  if (desk_confirm_finish (result, NULL) && self != NULL)
    remove_category (self, removal->category);
}

static void
on_category_remove_requested_cb (DeskCategoriesGroup *self,
                                 DeskCategoryRow     *row)
{
  DeskIncidentPage *page = get_page (self);
  DeskStore *store = get_store (self);
  DeskCategory *category = desk_category_row_get_category (row);
  gint64 contracts = desk_category_row_get_contracts (row);
  const char *name = desk_record_get_string (DESK_RECORD (category), "name");
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;

  if (store == NULL)
    return;

  if (contracts <= 0)
    {
      remove_category (self, category);
      return;
    }

  count = desk_format_count (contracts);
  /* Translators: %s is the name of a breach category */
  heading = g_strdup_printf (_("Remove “%s”?"), name ? name : "");
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s confirmed contract is in this category. It stays "
                                       "affected, but no longer counts in this category.",
                                       "%s confirmed contracts are in this category. They stay "
                                       "affected, but no longer count in this category.",
                                       (gulong) contracts),
                          count);
  desk_confirm_async (GTK_WIDGET (self), heading, body, _("_Remove"),
                      desk_incident_page_get_cancellable (page),
                      on_remove_confirmed_cb,
                      removal_new (self, store, category));
}

static void
on_category_row_applied_cb (DeskCategoriesGroup *self,
                            DeskCategoryRow     *row)
{
  DeskStore *store = get_store (self);
  g_autofree char *name = desk_category_row_dup_name (row);
  g_autofree char *escaped = NULL;
  DeskEdit *edit;

  if (store == NULL || self->edits == NULL)
    return;

  if (*name == '\0')
    {
      const char *message = _("A breach category needs a name");

      desk_category_row_set_invalid (row, message);
      escaped = g_markup_escape_text (message, -1);
      desk_show_toast (GTK_WIDGET (self), escaped);
      return;
    }

  edit = desk_edit_new (DESK_EDIT_SET, store, desk_category_row_get_category (row),
                        _("Could not rename the breach category"));
  desk_edit_set_string (edit, "name", name);
  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self), NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), name);
}

static GtkWidget *
create_category_row (gpointer item,
                     gpointer user_data)
{
  DeskCategoriesGroup *self = user_data;
  GtkWidget *row = desk_category_row_new (DESK_CATEGORY (item));

  g_signal_connect_object (row, "apply", G_CALLBACK (on_category_row_applied_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_category_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);
  return row;
}

static void
on_add_category_clicked_cb (DeskCategoriesGroup *self)
{
  DeskIncidentPage *page = get_page (self);
  DeskStore *store = get_store (self);
  DeskIncident *incident = page ? desk_incident_page_get_incident (page) : NULL;
  g_autoptr(DeskCategory) category = NULL;

  if (store == NULL || incident == NULL || self->edits == NULL)
    return;

  category = desk_category_new (incident, _("New Category"));
  /* After the others, rather than among those at position 0. */
  desk_record_set_int (DESK_RECORD (category), "position", next_category_position (self));
  desk_edit_queue_push (self->edits,
                        desk_edit_new (DESK_EDIT_CREATE, store, category,
                                       _("Could not add the breach category")),
                        GTK_WIDGET (self), on_category_created_cb);
}

/* }}} */
/* GObject {{{ */

static void
desk_categories_group_dispose (GObject *object)
{
  DeskCategoriesGroup *self = DESK_CATEGORIES_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CATEGORIES_GROUP);

  g_clear_object (&self->categories);
  g_clear_object (&self->edits);
  g_clear_pointer (&self->stats, desk_stats_free);

  G_OBJECT_CLASS (desk_categories_group_parent_class)->dispose (object);
}

static void
desk_categories_group_class_init (DeskCategoriesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_categories_group_dispose;

  /**
   * DeskCategoriesGroup::categories-changed:
   *
   * A category of the shown incident was added, removed or restored: the incident's figures may
   * read otherwise.
   */
  signals[CATEGORIES_CHANGED] =
    g_signal_new ("categories-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-categories-group.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCategoriesGroup, add_category_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCategoriesGroup, category_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_category_clicked_cb);
}

static void
desk_categories_group_init (DeskCategoriesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->categories = g_list_store_new (DESK_TYPE_CATEGORY);
  gtk_list_box_bind_model (self->category_list, G_LIST_MODEL (self->categories),
                           create_category_row, self, NULL);
}

/* }}} */
/* Public API {{{ */

/* Sets the queue that saves the group's edits, once. */
void
desk_categories_group_set_edit_queue (DeskCategoriesGroup *self,
                                      DeskEditQueue       *edits)
{
  g_return_if_fail (DESK_IS_CATEGORIES_GROUP (self));
  g_return_if_fail (DESK_IS_EDIT_QUEUE (edits));

  g_set_object (&self->edits, edits);
}

/* Reads the categories of the page's incident again. */
void
desk_categories_group_reload (DeskCategoriesGroup *self)
{
  DeskPageRequest *request;

  g_return_if_fail (DESK_IS_CATEGORIES_GROUP (self));

  if ((request = desk_page_request_begin_part (self)) == NULL)
    return;

  request->serial = ++self->serial;
  desk_store_list_async (desk_incident_page_get_store (request->page), DESK_TYPE_CATEGORY,
                         "incident-id", desk_incident_page_get_incident_id (request->page),
                         desk_incident_page_get_cancellable (request->page),
                         on_categories_loaded_cb, request);
}

/* Forgets the categories shown, e.g. those of another incident. */
void
desk_categories_group_clear (DeskCategoriesGroup *self)
{
  g_return_if_fail (DESK_IS_CATEGORIES_GROUP (self));

  self->focus_category_id = 0;
  g_list_store_remove_all (self->categories);
}

/**
 * desk_categories_group_set_stats:
 * @stats: (nullable): the incident's figures, or %NULL while they are being counted
 *
 * Shows the confirmed contracts of each category, as @stats counts them.
 */
void
desk_categories_group_set_stats (DeskCategoriesGroup *self,
                                 const DeskStats     *stats)
{
  g_return_if_fail (DESK_IS_CATEGORIES_GROUP (self));

  g_clear_pointer (&self->stats, desk_stats_free);
  if (stats != NULL)
    self->stats = desk_stats_copy (stats);

  update_category_counts (self);
}

GtkWidget *
_desk_categories_group_get_add_button (DeskCategoriesGroup *self)
{
  g_return_val_if_fail (DESK_IS_CATEGORIES_GROUP (self), NULL);

  return self->add_category_button;
}

guint
_desk_categories_group_get_n_categories (DeskCategoriesGroup *self)
{
  g_return_val_if_fail (DESK_IS_CATEGORIES_GROUP (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->categories));
}

/* Returns: (transfer none) (nullable): the DeskCategoryRow of the @index-th category */
GtkWidget *
_desk_categories_group_get_row (DeskCategoriesGroup *self,
                                guint                index)
{
  g_return_val_if_fail (DESK_IS_CATEGORIES_GROUP (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->category_list, (int) index));
}

/* }}} */
