import llmbrief


def test_public_surface_is_sorted_and_importable() -> None:
    assert list(llmbrief.__all__) == sorted(llmbrief.__all__)
    for name in llmbrief.__all__:
        assert hasattr(llmbrief, name), name


def test_many_clusters_are_part_of_it() -> None:
    assert {"FailedCluster", "summarize_many"} <= set(llmbrief.__all__)
