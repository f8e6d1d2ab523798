/* desk-template.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_TEMPLATE_ERROR (desk_template_error_quark ())

typedef enum
{
  DESK_TEMPLATE_ERROR_INVALID,     /* not JSON, or not shaped like a templates file */
  DESK_TEMPLATE_ERROR_NOT_FOUND,   /* no template with the id asked for */
} DeskTemplateError;

/**
 * DeskTemplateItem:
 * @text: what to do, one sentence
 * @owner: (nullable): the role that does it, e.g. "IAM Lead"
 * @due_days: days after the incident's detection the item is due; meaningful only if @has_due
 * @has_due: %FALSE for items without a fixed offset ("ongoing", "per cycle", "fix + 2 days")
 * @source: (nullable): where the item comes from, e.g. "NIST-63B"
 *
 * One line of a checklist template.
 */
typedef struct
{
  char     *text;
  char     *owner;
  int       due_days;
  gboolean  has_due;
  char     *source;
} DeskTemplateItem;

#define DESK_TYPE_TEMPLATE_ITEM (desk_template_item_get_type ())

GType             desk_template_item_get_type (void) G_GNUC_CONST;
DeskTemplateItem *desk_template_item_new      (const char              *text,
                                               const char              *owner,
                                               gboolean                 has_due,
                                               int                      due_days,
                                               const char              *source);
DeskTemplateItem *desk_template_item_copy     (const DeskTemplateItem  *self);
void              desk_template_item_free     (DeskTemplateItem        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskTemplateItem, desk_template_item_free)

#define DESK_TYPE_TEMPLATE (desk_template_get_type())

G_DECLARE_FINAL_TYPE (DeskTemplate, desk_template, DESK, TEMPLATE, GObject)

GQuark         desk_template_error_quark     (void);
DeskTemplate  *desk_template_new             (const char        *id,
                                              const char        *title,
                                              const char        *description);
const char    *desk_template_get_id          (DeskTemplate      *self);
const char    *desk_template_get_title       (DeskTemplate      *self);
const char    *desk_template_get_description (DeskTemplate      *self);
GPtrArray     *desk_template_get_items       (DeskTemplate      *self);
guint          desk_template_get_n_items     (DeskTemplate      *self);
void           desk_template_add_item        (DeskTemplate      *self,
                                              DeskTemplateItem  *item);

GPtrArray     *desk_template_load_builtin    (GError           **error);
GPtrArray     *desk_template_load_file       (const char        *path,
                                              GError           **error);
GPtrArray     *desk_template_load_data       (const char        *data,
                                              gssize             length,
                                              const char        *name,
                                              GError           **error);
DeskTemplate  *desk_template_find            (GPtrArray         *templates,
                                              const char        *id,
                                              GError           **error);
DeskChecklist *desk_template_instantiate     (DeskTemplate      *self,
                                              DeskStore         *store,
                                              DeskIncident      *incident,
                                              GError           **error);

G_END_DECLS
