/* desk-category-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskCategoryRow is one breach category of an incident in the Overview page: its name, which
 * the person edits in place and applies, the confirmed contracts in it, and a button to remove
 * it. The row follows its DeskCategory's name; saving and removing are the owner's job, through
 * the "apply" and "remove-requested" signals. */

#define G_LOG_DOMAIN "desk-category-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-labels.h"

#include "desk-category-row.h"

struct _DeskCategoryRow
{
  AdwEntryRow    parent_instance;

  /* Template widgets */
  GtkLabel      *count_label;
  GtkWidget     *remove_button;

  /* Owned */
  DeskCategory  *category;
  gint64         contracts;   /* -1: not counted yet */
};

G_DEFINE_FINAL_TYPE (DeskCategoryRow, desk_category_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_CONTRACTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static void
update_name (DeskCategoryRow *self)
{
  const char *name = desk_record_get_string (DESK_RECORD (self->category), "name");
  g_autofree char *remove_label = NULL;

  if (name == NULL)
    name = "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), name);

  /* Translators: the accessible name of the button that removes the breach category %s */
  remove_label = g_strdup_printf (_("Remove “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
update_count (DeskCategoryRow *self)
{
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (self->contracts < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      return;
    }

  count = desk_format_count (self->contracts);
  /* Translators: the confirmed contracts in a breach category, e.g. "132 contracts" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s contract", "%s contracts",
                                       (gulong) self->contracts),
                          count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
}

/* }}} */
/* Callbacks {{{ */

static void
on_remove_clicked_cb (DeskCategoryRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
on_changed_cb (DeskCategoryRow *self)
{
  desk_category_row_set_invalid (self, NULL);
}

/* }}} */
/* GObject {{{ */

static void
desk_category_row_constructed (GObject *object)
{
  DeskCategoryRow *self = DESK_CATEGORY_ROW (object);

  G_OBJECT_CLASS (desk_category_row_parent_class)->constructed (object);

  g_assert (DESK_IS_CATEGORY (self->category));

  g_signal_connect_object (self->category, "notify::name",
                           G_CALLBACK (update_name), self, G_CONNECT_SWAPPED);
  update_name (self);
}

static void
desk_category_row_dispose (GObject *object)
{
  DeskCategoryRow *self = DESK_CATEGORY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CATEGORY_ROW);
  g_clear_object (&self->category);

  G_OBJECT_CLASS (desk_category_row_parent_class)->dispose (object);
}

static void
desk_category_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskCategoryRow *self = DESK_CATEGORY_ROW (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;

    case PROP_CONTRACTS:
      g_value_set_int64 (value, self->contracts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_category_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DeskCategoryRow *self = DESK_CATEGORY_ROW (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      self->category = g_value_dup_object (value);
      break;

    case PROP_CONTRACTS:
      desk_category_row_set_contracts (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_category_row_class_init (DeskCategoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_category_row_constructed;
  object_class->dispose = desk_category_row_dispose;
  object_class->get_property = desk_category_row_get_property;
  object_class->set_property = desk_category_row_set_property;

  /**
   * DeskCategoryRow:category:
   *
   * The breach category the row shows.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL, DESK_TYPE_CATEGORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskCategoryRow:contracts:
   *
   * The confirmed contracts in the category, or -1 while they are being counted.
   */
  properties[PROP_CONTRACTS] =
    g_param_spec_int64 ("contracts", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskCategoryRow::remove-requested:
   *
   * The person pressed the row's remove button.
   */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-category-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCategoryRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCategoryRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
desk_category_row_init (DeskCategoryRow *self)
{
  self->contracts = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

GtkWidget *
desk_category_row_new (DeskCategory *category)
{
  g_return_val_if_fail (DESK_IS_CATEGORY (category), NULL);

  return g_object_new (DESK_TYPE_CATEGORY_ROW, "category", category, NULL);
}

/* Returns: (transfer none): the category the row shows */
DeskCategory *
desk_category_row_get_category (DeskCategoryRow *self)
{
  g_return_val_if_fail (DESK_IS_CATEGORY_ROW (self), NULL);

  return self->category;
}

gint64
desk_category_row_get_contracts (DeskCategoryRow *self)
{
  g_return_val_if_fail (DESK_IS_CATEGORY_ROW (self), -1);

  return self->contracts;
}

void
desk_category_row_set_contracts (DeskCategoryRow *self,
                                 gint64           contracts)
{
  g_return_if_fail (DESK_IS_CATEGORY_ROW (self));
  g_return_if_fail (contracts >= -1);

  if (self->contracts == contracts)
    return;

  self->contracts = contracts;
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACTS]);
}

/* Returns: (transfer full): the name as typed, without surrounding white space */
char *
desk_category_row_dup_name (DeskCategoryRow *self)
{
  g_return_val_if_fail (DESK_IS_CATEGORY_ROW (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
}

/**
 * desk_category_row_set_invalid:
 * @message: (nullable): why the name cannot be applied, or %NULL when it can
 *
 * Marks the row as holding a name that was refused, until it is edited.
 */
void
desk_category_row_set_invalid (DeskCategoryRow *self,
                               const char      *message)
{
  g_return_if_fail (DESK_IS_CATEGORY_ROW (self));

  desk_a11y_set_invalid (GTK_WIDGET (self), message);
}

/* }}} */
