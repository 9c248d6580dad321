"""The model's layers run on numpy's BLAS and give the annotations they give on thinc's blis."""

from __future__ import annotations

from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from newsprism.nlp import load_base_model, use_numpy_matmul

# Written for this test: news sentences with names, figures, quotes and dates.
TEXTS: tuple[str, ...] = (
    "The regional governor, Aigerim Sadykova, said on Tuesday that 38 people had died in "
    "Taldykorgan and that 1,200 more were housed in schools.",
    "\"The dam held until midnight,\" an engineer from Kazvodkhoz told the Almaty Courier. "
    "Prices for bottled water rose from 60 to 120 tenge within two days.",
    "According to the Red Crescent, convoys from Bishkek reached the valley on 9 March, "
    "a week after the first evacuation order.",
)


def _annotations(nlp, texts):
    return [
        [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts)
    ]


def test_numpy_matmul_keeps_the_models_annotations():
    stock = load_base_model()
    switched = load_base_model()
    use_numpy_matmul(switched)
    models = [getattr(c, "model", None) for _, c in switched.components]
    layers = [layer for m in models if hasattr(m, "walk") for layer in m.walk()]
    assert layers and all(
        not layer.ops.use_blis for layer in layers if isinstance(layer.ops, NumpyOps)
    )
    assert _annotations(switched, TEXTS) == _annotations(stock, TEXTS)


def test_numpy_matmul_uses_one_blas_thread():
    use_numpy_matmul(load_base_model())
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_the_pipeline_runs_on_numpy_matmul(nlp):
    tok2vec = nlp.get_pipe("tok2vec").model
    assert not tok2vec.ops.use_blis
