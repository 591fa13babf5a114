"""The tabletop scene every robotics task shares: a walled table, a pusher, a cube, a target marker.

One ``TabletopScene`` owns one headless pybullet physics client (``p.DIRECT``), so any number of
envs live side by side in a process without sharing a world. The scene is built from a handful of
primitive shapes (boxes and cylinders, no meshes) and rendered with ``ER_TINY_RENDERER`` without
shadows from a fixed top-down camera: that keeps a 64x64 frame well under a millisecond.

Coordinates (metres, world frame): the table top is z = 0, the free area between the walls is
x, y in [-ARENA_HALF, ARENA_HALF]. In the rendered image +x points right and +y points up.

    pusher  blue cylinder, slid in x and y by two velocity-controlled prismatic joints
    cube    red box, a free rigid body pushed around by the pusher
    target  green disc, visual only (no collision): the region the cube (Push) or pusher (Reach)
            must reach
"""

from __future__ import annotations

import math
from dataclasses import dataclass
import numpy as np

# ---------------------------------------------------------------------------------------------------
# Geometry and colours: chosen so that at 64x64 the cube is ~7 px wide, the pusher ~6 px and the
# target disc ~12 px, each in a colour far from the others and from the grey table.
# ---------------------------------------------------------------------------------------------------

ARENA_HALF = 0.2  # free area between the walls is 0.4 m x 0.4 m
WALL_THICKNESS = 0.02
WALL_HEIGHT = 0.04
CUBE_HALF = 0.03  # a 6 cm cube
CUBE_MASS = 0.1
PUSHER_RADIUS = 0.025
PUSHER_HEIGHT = 0.04
PUSHER_CLEARANCE = 0.002  # the pusher floats 2 mm above the table: no friction against it
TARGET_RADIUS = 0.05  # the visible disc is the success region
CONTROL_DT = 0.1  # seconds per env step (10 Hz control)
MAX_SPEED = 0.25  # m/s for an action of 1.0: 2.5 cm (about 3.5 px) per 0.1 s env step
MOTOR_FORCE = 20.0  # N per prismatic joint: enough to shove the cube, bounded against the walls

TABLE_RGBA = (0.82, 0.82, 0.80, 1.0)
WALL_RGBA = (0.25, 0.25, 0.28, 1.0)
CUBE_RGBA = (0.90, 0.12, 0.10, 1.0)
PUSHER_RGBA = (0.10, 0.25, 0.95, 1.0)
TARGET_RGBA = (0.10, 0.75, 0.20, 1.0)
TRANSPARENT = (0.0, 0.0, 0.0, 0.0)  # TinyRenderer skips such shapes entirely

# The camera looks straight down from 1 m; the field of view frames the walls with a thin margin.
CAMERA_HEIGHT = 1.0
CAMERA_HALF_VIEW = ARENA_HALF + WALL_THICKNESS + 0.005
CAMERA_FOV_DEG = math.degrees(2 * math.atan(CAMERA_HALF_VIEW / CAMERA_HEIGHT))


def import_pybullet():
    """Import pybullet, or fail with the command that installs it."""
    try:
        import pybullet
        from pybullet_utils import bullet_client
    except ImportError as e:
        raise ImportError(
            "The robotics tasks need pybullet: pip install 'sora-sdk[robotics]'"
        ) from e
    return pybullet, bullet_client


@dataclass(frozen=True)
class SceneLayout:
    """Where the objects start. ``cube_xy=None`` builds the scene without a cube (Reach)."""

    pusher_xy: tuple[float, float]
    target_xy: tuple[float, float]
    cube_xy: tuple[float, float] | None = None
    cube_yaw: float = 0.0


@dataclass(frozen=True)
class SceneState:
    """Positions read back from the simulator after a step (metres, radians)."""

    pusher_xy: np.ndarray  # (2,) float64
    target_xy: np.ndarray  # (2,) float64
    cube_xy: np.ndarray | None  # (2,) float64, None without a cube
    cube_yaw: float


class TabletopScene:
    """A headless pybullet world with the tabletop objects, stepped at a fixed control rate.

    Args:
        image_size: side of the square RGB frames ``render`` returns.
        control_dt: seconds of simulated time per ``step`` (one env step).
        physics_substeps: physics sub-steps per ``step``; 24 keeps Bullet's usual 1/240 s.
    """

    def __init__(self, image_size: int = 64, control_dt: float = CONTROL_DT, physics_substeps: int = 24) -> None:
        pybullet, bullet_client = import_pybullet()
        self._p = pybullet
        self.client = bullet_client.BulletClient(connection_mode=pybullet.DIRECT)
        self.image_size = image_size
        self.control_dt = control_dt
        self.physics_substeps = physics_substeps
        self._closed = False
        self._has_cube = False
        self._built = False  # bodies exist (build ran at least once)
        self._steppable = False  # the world was built by build(), not moved by place()
        self._target_xy = np.zeros(2)
        self._background: np.ndarray | None = None  # (H, W, 3) uint8, the bare table
        self._view = self.client.computeViewMatrix(
            cameraEyePosition=[0.0, 0.0, CAMERA_HEIGHT],
            cameraTargetPosition=[0.0, 0.0, 0.0],
            cameraUpVector=[0.0, 1.0, 0.0],  # +y is up in the image, so +x is right
        )
        self._projection = self.client.computeProjectionMatrixFOV(
            fov=CAMERA_FOV_DEG, aspect=1.0, nearVal=0.5, farVal=1.5
        )

    # -----------------------------------------------------------------------------------------------
    # Building
    # -----------------------------------------------------------------------------------------------

    def build(self, layout: SceneLayout) -> None:
        """Wipe the world and build it anew at ``layout``.

        Rebuilding (instead of teleporting bodies) also clears Bullet's contact caches and solver
        warm-start data, which is what makes ``reset(seed=s)`` bit-for-bit repeatable.
        """
        c, p = self.client, self._p
        if self._background is None:
            self._background = self._render_table()
        c.resetSimulation()
        c.setGravity(0, 0, -9.81)
        c.setPhysicsEngineParameter(
            fixedTimeStep=self.control_dt,
            numSubSteps=self.physics_substeps,  # one stepSimulation call runs all sub-steps in C++
            deterministicOverlappingPairs=1,
        )

        # Table: a static slab whose top face is z = 0, drawn from the cached background image
        # instead of per frame (see render); walls: four static boxes around the arena.
        self._table(TRANSPARENT)
        wall_offset = ARENA_HALF + WALL_THICKNESS / 2
        long_half = ARENA_HALF + WALL_THICKNESS
        for x, y, hx, hy in (
            (wall_offset, 0.0, WALL_THICKNESS / 2, long_half),
            (-wall_offset, 0.0, WALL_THICKNESS / 2, long_half),
            (0.0, wall_offset, long_half, WALL_THICKNESS / 2),
            (0.0, -wall_offset, long_half, WALL_THICKNESS / 2),
        ):
            self._static_box((hx, hy, WALL_HEIGHT / 2), (x, y, WALL_HEIGHT / 2), WALL_RGBA)

        # Target: a 1 mm disc just above the table, visual only, so nothing ever collides with it.
        target_visual = c.createVisualShape(p.GEOM_CYLINDER, radius=TARGET_RADIUS, length=0.001, rgbaColor=TARGET_RGBA)
        self.target = c.createMultiBody(baseMass=0, baseVisualShapeIndex=target_visual,
                                        basePosition=[layout.target_xy[0], layout.target_xy[1], 0.0006])
        self._target_xy = np.asarray(layout.target_xy, dtype=np.float64)

        # Pusher: a fixed invisible base with two prismatic links (x then y); the second carries the
        # cylinder. Joint motors give clean planar velocity control and keep the pusher upright.
        pusher_col = c.createCollisionShape(p.GEOM_CYLINDER, radius=PUSHER_RADIUS, height=PUSHER_HEIGHT)
        pusher_vis = c.createVisualShape(p.GEOM_CYLINDER, radius=PUSHER_RADIUS, length=PUSHER_HEIGHT, rgbaColor=PUSHER_RGBA)
        identity = [0, 0, 0, 1]
        self.pusher = c.createMultiBody(
            baseMass=0,
            basePosition=[0, 0, PUSHER_CLEARANCE + PUSHER_HEIGHT / 2],
            linkMasses=[0.2, 0.5],
            linkCollisionShapeIndices=[-1, pusher_col],
            linkVisualShapeIndices=[-1, pusher_vis],
            linkPositions=[[0, 0, 0], [0, 0, 0]],
            linkOrientations=[identity, identity],
            linkInertialFramePositions=[[0, 0, 0], [0, 0, 0]],
            linkInertialFrameOrientations=[identity, identity],
            linkParentIndices=[0, 1],
            linkJointTypes=[p.JOINT_PRISMATIC, p.JOINT_PRISMATIC],
            linkJointAxis=[[1, 0, 0], [0, 1, 0]],
        )
        for joint, value in enumerate(layout.pusher_xy):
            c.resetJointState(self.pusher, joint, float(value))
            c.changeDynamics(self.pusher, joint, linearDamping=0, angularDamping=0, lateralFriction=0.1)
        self.set_pusher_velocity(np.zeros(2))

        self._has_cube = layout.cube_xy is not None
        if self._has_cube:
            self._cube_shapes = (c.createCollisionShape(p.GEOM_BOX, halfExtents=[CUBE_HALF] * 3),
                                 c.createVisualShape(p.GEOM_BOX, halfExtents=[CUBE_HALF] * 3, rgbaColor=CUBE_RGBA))
            self._make_cube(layout)
        self._built = self._steppable = True

    def _make_cube(self, layout: SceneLayout) -> None:
        c = self.client
        self.cube = c.createMultiBody(
            baseMass=CUBE_MASS, baseCollisionShapeIndex=self._cube_shapes[0], baseVisualShapeIndex=self._cube_shapes[1],
            basePosition=[layout.cube_xy[0], layout.cube_xy[1], CUBE_HALF],
            baseOrientation=c.getQuaternionFromEuler([0, 0, layout.cube_yaw]),
        )
        c.changeDynamics(self.cube, -1, lateralFriction=0.5)

    def place(self, layout: SceneLayout) -> None:
        """Move the existing bodies to ``layout`` without rebuilding the world: for a frame and a
        state that no physics step follows.

        ``render`` and ``state`` then give exactly what they give after ``build(layout)`` (same
        bodies, same poses; tested pixel for pixel), about 4x faster, but Bullet keeps its contact
        caches, so stepping from here would not repeat a built episode bit for bit: ``step``
        refuses until the next ``build``. Builds instead when no compatible world exists yet.
        """
        if not self._built or self._has_cube != (layout.cube_xy is not None):
            self.build(layout)
            return
        c, identity = self.client, [0, 0, 0, 1]
        c.resetBasePositionAndOrientation(self.target, [layout.target_xy[0], layout.target_xy[1], 0.0006], identity)
        self._target_xy = np.asarray(layout.target_xy, dtype=np.float64)
        for joint, value in enumerate(layout.pusher_xy):
            c.resetJointState(self.pusher, joint, float(value), 0.0)
        if self._has_cube:  # made anew: a moved body reads its yaw back 1 ulp off a created one
            c.removeBody(self.cube)
            self._make_cube(layout)
        self._steppable = False

    def _table(self, rgba) -> int:
        half = ARENA_HALF + WALL_THICKNESS + 0.05
        return self._static_box((half, half, 0.01), (0, 0, -0.01), rgba)

    def _render_table(self) -> np.ndarray:
        """The camera's view of the bare table, (H, W, 3) uint8: the background of every frame."""
        self.client.resetSimulation()
        self._table(TABLE_RGBA)
        rgb, _ = self._camera()
        return rgb

    def _static_box(self, half_extents, position, rgba) -> int:
        c, p = self.client, self._p
        col = c.createCollisionShape(p.GEOM_BOX, halfExtents=list(half_extents))
        vis = c.createVisualShape(p.GEOM_BOX, halfExtents=list(half_extents), rgbaColor=list(rgba))
        return c.createMultiBody(baseMass=0, baseCollisionShapeIndex=col, baseVisualShapeIndex=vis,
                                 basePosition=list(position))

    # -----------------------------------------------------------------------------------------------
    # Running
    # -----------------------------------------------------------------------------------------------

    def set_pusher_velocity(self, velocity: np.ndarray) -> None:
        """Command the pusher's planar velocity (m/s, shape (2,)); held until the next command."""
        self.client.setJointMotorControlArray(
            self.pusher, [0, 1], self._p.VELOCITY_CONTROL,
            targetVelocities=[float(velocity[0]), float(velocity[1])],
            forces=[MOTOR_FORCE, MOTOR_FORCE],
        )

    def step(self) -> None:
        """Advance the world by ``control_dt`` seconds (``physics_substeps`` Bullet steps)."""
        if not self._steppable:
            raise RuntimeError("the scene was placed, not built (TabletopScene.place): build(layout) before stepping")
        self.client.stepSimulation()

    def state(self) -> SceneState:
        """Read the pusher, cube and target positions back from the simulator."""
        joints = self.client.getJointStates(self.pusher, [0, 1])
        pusher_xy = np.array([joints[0][0], joints[1][0]], dtype=np.float64)
        cube_xy, cube_yaw = None, 0.0
        if self._has_cube:
            pos, orn = self.client.getBasePositionAndOrientation(self.cube)
            cube_xy = np.array(pos[:2], dtype=np.float64)
            cube_yaw = float(self.client.getEulerFromQuaternion(orn)[2])
        return SceneState(pusher_xy=pusher_xy, target_xy=self._target_xy.copy(), cube_xy=cube_xy, cube_yaw=cube_yaw)

    def render(self) -> np.ndarray:
        """The top-down camera image, (image_size, image_size, 3) uint8."""
        rgb, seg = self._camera()
        # The table fills the whole view and, drawn per frame, costs TinyRenderer more than
        # everything else together (~60% of a frame); it is uniform and below every object, so
        # pixels no object covers take the cached table image: identical frames, ~2x faster.
        background = seg < 0
        rgb[background] = self._background[background]
        return rgb

    def _camera(self) -> tuple[np.ndarray, np.ndarray]:
        """RGB (H, W, 3) uint8 and segmentation (H, W) int (-1: no body) of the top-down camera."""
        s = self.image_size
        _, _, rgba, _, seg = self.client.getCameraImage(
            s, s, viewMatrix=self._view, projectionMatrix=self._projection,
            renderer=self._p.ER_TINY_RENDERER, shadow=0,
            lightDirection=[0.0, 0.0, 1.0], lightAmbientCoeff=0.6, lightDiffuseCoeff=0.45, lightSpecularCoeff=0.0,
        )
        rgb = np.asarray(rgba, dtype=np.uint8).reshape(s, s, 4)[:, :, :3].copy()
        return rgb, np.asarray(seg).reshape(s, s)

    def close(self) -> None:
        """Disconnect the physics client; the scene is unusable afterwards."""
        if not self._closed:
            self._closed = True
            self.client.disconnect()

