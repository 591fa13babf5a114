"""TabletopScene: the cached table background changes no pixel; a missing pybullet names the extra."""

import sys

import numpy as np
import pytest

from sora_sdk.integrations.robotics.scene import TABLE_RGBA, SceneLayout, TabletopScene, import_pybullet


def test_cached_table_background_gives_the_same_frame_as_drawing_the_table():
    scene = TabletopScene()
    try:
        scene.build(SceneLayout(pusher_xy=(-0.17, 0.17), target_xy=(0.12, -0.1), cube_xy=(0.05, 0.0), cube_yaw=0.4))
        scene.set_pusher_velocity(np.array([0.25, -0.25]))
        for _ in range(3):
            scene.step()
        fast = scene.render()
        table = 0  # the first body build creates
        scene.client.changeVisualShape(table, -1, rgbaColor=list(TABLE_RGBA))
        drawn, _ = scene._camera()
        assert np.array_equal(fast, drawn)
        assert len(np.unique(fast.reshape(-1, 3), axis=0)) > 4  # table, walls, target, pusher, cube at least
    finally:
        scene.close()
    scene.close()  # closing twice is fine


def test_missing_pybullet_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pybullet", None)  # makes `import pybullet` raise ImportError
    with pytest.raises(ImportError, match=r"pip install 'sora-sdk\[robotics\]'"):
        import_pybullet()
