// Package scope goal lookup (see check_pkgtype.h).
#include "check_pkgtype.h"

#include <jansson.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void chk_pkgtypes_init(ChkPkgTypes *self) { chk_map_init(&self->dirs); }

void chk_pkgtypes_free(ChkPkgTypes *self) { chk_map_free(&self->dirs, NULL); }

static PsGoal goal_of_package(const char *file) {
    json_error_t err;
    json_t *root = json_load_file(file, 0, &err);
    if (!root) return PS_GOAL_SCRIPT;
    const char *type = json_string_value(json_object_get(root, "type"));
    PsGoal goal = type && strcmp(type, "module") == 0 ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    json_decref(root);
    return goal;
}

PsGoal chk_pkgtypes_goal(ChkPkgTypes *self, const char *abs_dir) {
    void *cached;
    if (chk_map_get(&self->dirs, abs_dir, &cached)) return (PsGoal)((uintptr_t)cached - 1);
    PsGoal goal = PS_GOAL_SCRIPT;
    char *pkg = chk_path_join(abs_dir, "package.json");
    struct stat st;
    if (strcmp(chk_path_basename(abs_dir), "node_modules") == 0) {
        goal = PS_GOAL_SCRIPT;  // a package scope never extends past node_modules
    } else if (stat(pkg, &st) == 0 && !S_ISDIR(st.st_mode)) {
        goal = goal_of_package(pkg);
    } else if (strcmp(abs_dir, "/") != 0) {
        char *parent = chk_path_dirname(abs_dir);
        goal = chk_pkgtypes_goal(self, parent);
        och_free(parent);
    }
    och_free(pkg);
    chk_map_put(&self->dirs, abs_dir, (void *)(uintptr_t)(goal + 1));
    return goal;
}

PsGoal chk_pkgtype_goal_of_file(const char *path) {
    char cwd[4096];
    char *dir = chk_path_dirname(path);
    char *abs = chk_path_absolute(dir, getcwd(cwd, sizeof cwd) ? cwd : "/");
    ChkPkgTypes types;
    chk_pkgtypes_init(&types);
    PsGoal goal = chk_pkgtypes_goal(&types, abs);
    chk_pkgtypes_free(&types);
    och_free(abs);
    och_free(dir);
    return goal;
}
