/* The tree walk of textclean.scorer in C: for every tree and every row, follow
 * the tree from its root to a leaf and write the leaf's value.  The same arrays
 * and the same comparison (x <= threshold goes left; NaN goes right) as the
 * numpy walk in trees.py, which stays the reference and the fallback.
 *
 * Nodes are packed 16 bytes each (threshold, feature, left, right; child indices
 * local to their tree), so the whole model stays in cache; trees are walked one
 * at a time over all rows, so one tree's nodes stay in L1. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define LANES 8

typedef struct {
    double threshold;
    int32_t feature;
    uint16_t left, right;  /* a leaf points to itself on both sides */
} Node;

static PyObject *walk(PyObject *self, PyObject *args) {
    Py_buffer x, nodes, value, out;
    Py_ssize_t width, trees, depth;
    if (!PyArg_ParseTuple(args, "y*ny*y*nnw*", &x, &width, &nodes, &value, &trees, &depth, &out))
        return NULL;
    PyObject *result = NULL;
    const Py_ssize_t total = nodes.len / (Py_ssize_t)sizeof(Node);
    const Py_ssize_t per_tree = trees > 0 ? total / trees : 0;
    const Py_ssize_t rows = width > 0 ? x.len / (Py_ssize_t)sizeof(double) / width : 0;
    if (width <= 0 || trees <= 0 || per_tree * trees != total || per_tree > 65535
        || value.len != total * (Py_ssize_t)sizeof(double)
        || out.len != rows * trees * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "walk: array sizes do not agree");
        goto done;
    }
    const double *xs = (const double *)x.buf;
    const Node *all = (const Node *)nodes.buf;
    const double *val = (const double *)value.buf;
    double *o = (double *)out.buf;
    for (Py_ssize_t n = 0; n < total; n++) {  /* a corrupt model must not read out of bounds */
        if (all[n].feature < 0 || all[n].feature >= width || all[n].left >= per_tree
            || all[n].right >= per_tree) {
            PyErr_SetString(PyExc_ValueError, "walk: a node points outside the model");
            goto done;
        }
    }
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t t = 0; t < trees; t++) {
        const Node *tree = all + t * per_tree;
        const double *leaf_value = val + t * per_tree;
        /* LANES rows at once: independent chains, so the loads of one overlap
         * the others'; a leaf points to itself, so `depth` steps reach every leaf */
        Py_ssize_t r = 0;
        for (; r + LANES <= rows; r += LANES) {
            Py_ssize_t node[LANES] = {0};
            for (Py_ssize_t d = 0; d < depth; d++)
                for (int k = 0; k < LANES; k++) {
                    const Node *nd = tree + node[k];
                    node[k] = xs[(r + k) * width + nd->feature] <= nd->threshold ? nd->left
                                                                                 : nd->right;
                }
            for (int k = 0; k < LANES; k++) o[(r + k) * trees + t] = leaf_value[node[k]];
        }
        for (; r < rows; r++) {
            Py_ssize_t node = 0;
            for (Py_ssize_t d = 0; d < depth; d++) {
                const Node *nd = tree + node;
                node = xs[r * width + nd->feature] <= nd->threshold ? nd->left : nd->right;
            }
            o[r * trees + t] = leaf_value[node];
        }
    }
    Py_END_ALLOW_THREADS
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyBuffer_Release(&x);
    PyBuffer_Release(&nodes);
    PyBuffer_Release(&value);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"walk", walk, METH_VARARGS,
     "walk(x, width, nodes, value, trees, depth, out): the leaf value of every row and tree"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_walk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__walk(void) { return PyModule_Create(&module); }
